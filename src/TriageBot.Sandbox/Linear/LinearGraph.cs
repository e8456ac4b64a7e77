using System.Security.Cryptography;
using System.Text;

namespace TriageBot.Sandbox;

/// <summary>
/// The sandbox's Linear entities as GraphQL objects (Issue, Team, IssueLabel, Project, WorkflowState, Attachment,
/// Comment, IssueRelation, User), with the field names of Linear's schema. Call only while holding SandboxState.Sync.
/// </summary>
internal sealed class LinearGraph(SandboxState state)
{
    public const string ViewerId = "user-triagebot";

    /// <summary>The scenario's state names and the workflow type Linear gives each.</summary>
    private static readonly (string Name, string Type, string Color)[] WorkflowStates =
    [
        ("Triage", "triage", "#fc7840"),
        ("Backlog", "backlog", "#bec2c8"),
        ("Todo", "unstarted", "#e2e2e2"),
        ("In Progress", "started", "#f2c94c"),
        ("In Review", "started", "#0f783c"),
        ("Done", "completed", "#5e6ad2"),
        ("Canceled", "canceled", "#95a2b3"),
        ("Duplicate", "canceled", "#95a2b3"),
    ];

    public static IEnumerable<string> StateNames => WorkflowStates.Select(s => s.Name);

    public LinearState Linear => state.Linear;

    public DateTimeOffset Now => state.Clock.GetUtcNow();

    public static string StateId(string teamId, string stateName) => $"{teamId}-state-{Slug(stateName)}";

    public static string StateType(string stateName) =>
        Array.Find(WorkflowStates, s => string.Equals(s.Name, stateName, StringComparison.OrdinalIgnoreCase)).Type ?? "unstarted";

    /// <summary>The state name a stateId stands for in <paramref name="team"/>, or null.</summary>
    public static string? StateName(LinearTeamState team, string stateId) =>
        WorkflowStates.Select(s => s.Name).FirstOrDefault(name => StateId(team.Id, name) == stateId);

    /// <summary>A stable UUID for the n-th entity of a kind, so two runs of one scenario produce the same ids.</summary>
    public static string NewId(string kind, long n)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"triagebot-sandbox:{kind}:{n}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public GraphNode Issue(LinearIssueState issue)
    {
        var team = Linear.FindTeam(issue.TeamId);
        var stateType = StateType(issue.State);
        return new GraphNode("Issue")
            .Field("id", issue.Id)
            .Field("identifier", issue.Identifier)
            .Field("number", (double)issue.Number)
            .Field("title", issue.Title)
            .Field("description", issue.Description)
            .Field("priority", (double)issue.Priority)
            .Field("priorityLabel", PriorityLabel(issue.Priority))
            .Field("url", issue.Url)
            .Field("branchName", $"{issue.Identifier.ToLowerInvariant()}-{Slug(issue.Title)}")
            .Field("createdAt", issue.CreatedAt)
            .Field("updatedAt", issue.UpdatedAt)
            .Field("archivedAt", (object?)null)
            .Field("trashed", false)
            .Field("estimate", (object?)null)
            .Field("dueDate", (object?)null)
            .Field("completedAt", stateType == "completed" ? issue.UpdatedAt : null)
            .Field("canceledAt", stateType == "canceled" ? issue.UpdatedAt : null)
            .Field("startedAt", stateType is "started" or "completed" ? issue.UpdatedAt : null)
            .Field("labelIds", issue.LabelIds.ToList())
            .Field("team", _ => team is null ? null : Team(team))
            .Field("state", _ => team is null ? null : WorkflowState(team, issue.State))
            .Field("project", _ => Linear.Projects.Find(p => p.Id == issue.ProjectId) is { } p ? Project(p) : null)
            .Field("parent", _ => issue.ParentId is { } parent && Linear.FindIssue(parent) is { } pi ? Issue(pi) : null)
            .Field("assignee", _ => issue.AssigneeId == ViewerId ? Viewer() : null)
            .Field("delegate", _ => Linear.Users.Find(u => u.Id == issue.DelegateId) is { } agent ? User(agent) : null)
            .Field("creator", _ => Viewer())
            .Field("cycle", (object?)null)
            .Field("labels", args => LinearConnection.Of("IssueLabelConnection",
                Linear.Labels.Where(l => issue.LabelIds.Contains(l.Id)).Where(l => LinearFilter.Matches(args.Object("filter"), LabelView(l))),
                args, l => l.Id, Label))
            .Field("attachments", args => LinearConnection.Of("AttachmentConnection",
                issue.Attachments.Where(a => LinearFilter.Matches(args.Object("filter"), AttachmentView(a))),
                args, a => a.Id, Attachment))
            .Field("comments", args => LinearConnection.Of("CommentConnection", issue.Comments, args, c => c.Id, Comment))
            .Field("relations", args => LinearConnection.Of("IssueRelationConnection", issue.Relations, args, r => r.Id, Relation))
            .Field("children", args => LinearConnection.Of("IssueConnection",
                Linear.Issues.Where(i => i.ParentId == issue.Id), args, i => i.Id, Issue));
    }

    public GraphNode Team(LinearTeamState team) =>
        new GraphNode("Team")
            .Field("id", team.Id)
            .Field("key", team.Key)
            .Field("name", team.Name)
            .Field("description", (object?)null)
            .Field("private", false)
            .Field("createdAt", state.ScenarioNow.AddDays(-365))
            .Field("updatedAt", state.ScenarioNow.AddDays(-365))
            .Field("issues", args => LinearConnection.Of("IssueConnection",
                Linear.Issues.Where(i => i.TeamId == team.Id).Where(i => LinearFilter.Matches(args.Object("filter"), IssueView(i))),
                args, i => i.Id, Issue))
            .Field("labels", args => LinearConnection.Of("IssueLabelConnection",
                Linear.Labels.Where(l => l.TeamId == team.Id || l.TeamId is null).Where(l => LinearFilter.Matches(args.Object("filter"), LabelView(l))),
                args, l => l.Id, Label))
            .Field("states", args => LinearConnection.Of("WorkflowStateConnection",
                WorkflowStates.Select(s => s.Name), args, name => StateId(team.Id, name), name => WorkflowState(team, name)))
            .Field("projects", args => LinearConnection.Of("ProjectConnection", Linear.Projects, args, p => p.Id, Project));

    public GraphNode WorkflowState(LinearTeamState team, string name)
    {
        var known = Array.Find(WorkflowStates, s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        return new GraphNode("WorkflowState")
            .Field("id", StateId(team.Id, name))
            .Field("name", name)
            .Field("type", known.Type ?? "unstarted")
            .Field("color", known.Color ?? "#e2e2e2")
            .Field("position", (double)Math.Max(0, Array.IndexOf(WorkflowStates, known)))
            .Field("description", (object?)null)
            .Field("team", _ => Team(team));
    }

    public GraphNode Label(LinearLabelState label) =>
        new GraphNode("IssueLabel")
            .Field("id", label.Id)
            .Field("name", label.Name)
            .Field("color", label.Color ?? "#bec2c8")
            .Field("description", (object?)null)
            .Field("isGroup", false)
            .Field("parent", (object?)null)
            .Field("createdAt", state.ScenarioNow.AddDays(-365))
            .Field("updatedAt", state.ScenarioNow.AddDays(-365))
            .Field("team", _ => label.TeamId is { } t && Linear.FindTeam(t) is { } team ? Team(team) : null);

    public GraphNode Project(LinearProjectState project) =>
        new GraphNode("Project")
            .Field("id", project.Id)
            .Field("name", project.Name)
            .Field("description", project.Description ?? "")
            .Field("targetDate", project.TargetDate)
            .Field("startDate", (object?)null)
            .Field("state", "started")
            .Field("progress", 0d)
            .Field("slugId", Slug(project.Id))
            .Field("url", $"https://linear.app/{Linear.Workspace}/project/{Slug(project.Name)}-{Slug(project.Id)}")
            .Field("createdAt", state.ScenarioNow.AddDays(-60))
            .Field("updatedAt", state.ScenarioNow.AddDays(-60))
            .Field("teams", args => LinearConnection.Of("TeamConnection", Linear.Teams, args, t => t.Id, Team))
            .Field("issues", args => LinearConnection.Of("IssueConnection",
                Linear.Issues.Where(i => i.ProjectId == project.Id).Where(i => LinearFilter.Matches(args.Object("filter"), IssueView(i))),
                args, i => i.Id, Issue))
            .Field("projectUpdates", args => LinearConnection.Of("ProjectUpdateConnection",
                Linear.ProjectUpdates.Where(u => u.ProjectId == project.Id), args, u => u.Id, ProjectUpdate));

    public GraphNode ProjectUpdate(LinearProjectUpdateState update) =>
        new GraphNode("ProjectUpdate")
            .Field("id", update.Id)
            .Field("body", update.Body)
            .Field("health", update.Health)
            .Field("createdAt", update.CreatedAt)
            .Field("updatedAt", update.CreatedAt)
            .Field("url", $"https://linear.app/{Linear.Workspace}/project-update/{update.Id}")
            .Field("project", _ => Linear.Projects.Find(p => p.Id == update.ProjectId) is { } p ? Project(p) : null)
            .Field("user", _ => Viewer());

    public GraphNode Attachment(LinearAttachmentState attachment) =>
        new GraphNode("Attachment")
            .Field("id", attachment.Id)
            .Field("title", attachment.Title)
            .Field("subtitle", attachment.Subtitle)
            .Field("url", attachment.Url)
            .Field("metadata", attachment.Metadata ?? new System.Text.Json.Nodes.JsonObject())
            .Field("groupBySource", false)
            .Field("sourceType", SourceType(attachment.Url))
            .Field("createdAt", attachment.CreatedAt)
            .Field("updatedAt", attachment.UpdatedAt)
            .Field("archivedAt", (object?)null)
            .Field("creator", _ => attachment.CreatorId == ViewerId ? Viewer() : null)
            .Field("issue", _ => Linear.FindIssue(attachment.IssueId) is { } i ? Issue(i) : null);

    public GraphNode Relation(LinearRelationState relation) =>
        new GraphNode("IssueRelation")
            .Field("id", relation.Id)
            .Field("type", relation.Type)
            .Field("createdAt", relation.CreatedAt)
            .Field("updatedAt", relation.CreatedAt)
            .Field("archivedAt", (object?)null)
            .Field("issue", _ => Linear.FindIssue(relation.IssueId) is { } i ? Issue(i) : null)
            .Field("relatedIssue", _ => Linear.FindIssue(relation.RelatedIssueId) is { } i ? Issue(i) : null);

    public GraphNode Comment(LinearCommentState comment) =>
        new GraphNode("Comment")
            .Field("id", comment.Id)
            .Field("body", comment.Body)
            .Field("createdAt", comment.CreatedAt)
            .Field("updatedAt", comment.CreatedAt)
            .Field("editedAt", (object?)null)
            .Field("url", Linear.FindIssue(comment.IssueId) is { } i ? $"{i.Url}#comment-{comment.Id[..8]}" : null)
            .Field("user", _ => Viewer())
            .Field("issue", _ => Linear.FindIssue(comment.IssueId) is { } issue ? Issue(issue) : null);

    /// <summary>The user the API key belongs to: TriageBot itself.</summary>
    public static readonly LinearUserState ViewerUser = new() { Id = ViewerId, Name = "TriageBot", DisplayName = "triagebot" };

    public GraphNode Viewer() => User(ViewerUser);

    public GraphNode User(LinearUserState user) =>
        new GraphNode("User")
            .Field("id", user.Id)
            .Field("name", user.Name)
            .Field("displayName", user.DisplayName)
            .Field("email", $"{user.DisplayName}@sandbox.invalid")
            .Field("active", true)
            .Field("admin", false)
            .Field("app", user.App)
            .Field("isMe", user.Id == ViewerId)
            .Field("organization", _ => Organization());

    public GraphNode Organization() =>
        new GraphNode("Organization")
            .Field("id", "org-" + Linear.Workspace)
            .Field("name", Linear.Workspace)
            .Field("urlKey", Linear.Workspace);

    public Func<string, object?> IssueView(LinearIssueState issue) => field => field switch
    {
        "id" => new[] { issue.Id, issue.Identifier },
        "number" => issue.Number,
        "title" => issue.Title,
        "description" => issue.Description,
        "priority" => issue.Priority,
        "createdAt" => issue.CreatedAt,
        "updatedAt" => issue.UpdatedAt,
        "team" => Linear.FindTeam(issue.TeamId) is { } t ? TeamView(t) : null,
        "state" => (Func<string, object?>)(f => f switch
        {
            "name" => issue.State,
            "type" => StateType(issue.State),
            "id" => StateId(issue.TeamId, issue.State),
            _ => LinearFilter.Unknown,
        }),
        "project" => Linear.Projects.Find(p => p.Id == issue.ProjectId) is { } p ? ProjectView(p) : null,
        "labels" => Linear.Labels.Where(l => issue.LabelIds.Contains(l.Id)).Select(LabelView).ToList(),
        "attachments" => issue.Attachments.Select(AttachmentView).ToList(),
        "parent" => issue.ParentId is { } parent && Linear.FindIssue(parent) is { } pi ? IssueView(pi) : null,
        _ => LinearFilter.Unknown,
    };

    public static Func<string, object?> TeamView(LinearTeamState team) => field => field switch
    {
        "id" => team.Id,
        "key" => team.Key,
        "name" => team.Name,
        _ => LinearFilter.Unknown,
    };

    public Func<string, object?> LabelView(LinearLabelState label) => field => field switch
    {
        "id" => label.Id,
        "name" => label.Name,
        "team" => label.TeamId is { } t && Linear.FindTeam(t) is { } team ? TeamView(team) : null,
        _ => LinearFilter.Unknown,
    };

    public static Func<string, object?> ProjectView(LinearProjectState project) => field => field switch
    {
        "id" => project.Id,
        "name" => project.Name,
        _ => LinearFilter.Unknown,
    };

    public static Func<string, object?> AttachmentView(LinearAttachmentState attachment) => field => field switch
    {
        "id" => attachment.Id,
        "url" => attachment.Url,
        "title" => attachment.Title,
        _ => LinearFilter.Unknown,
    };

    private static string PriorityLabel(int priority) => priority switch
    {
        1 => "Urgent",
        2 => "High",
        3 => "Medium",
        4 => "Low",
        _ => "No priority",
    };

    private static string SourceType(string url) =>
        url.Contains("github.com", StringComparison.OrdinalIgnoreCase) ? "github"
        : url.Contains("slack.com", StringComparison.OrdinalIgnoreCase) ? "slack"
        : "url";

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 40)
            {
                break;
            }
        }

        return builder.ToString().Trim('-');
    }
}
