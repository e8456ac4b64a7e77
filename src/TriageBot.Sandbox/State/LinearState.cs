using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

// Plain mutable classes the Linear GraphQL endpoint serves and writes. Guard with SandboxState.Sync.

public sealed class LinearState
{
    public string Workspace { get; set; } = "sandbox";
    public List<LinearTeamState> Teams { get; } = [];
    public List<LinearLabelState> Labels { get; } = [];
    public List<LinearProjectState> Projects { get; } = [];
    public List<LinearIssueState> Issues { get; } = [];
    public List<LinearProjectUpdateState> ProjectUpdates { get; } = [];

    /// <summary>
    /// Users besides the viewer (TriageBot itself): by default the two agent users a workspace with the Codex and GitHub
    /// Copilot integrations has, so delegating a small fix can be tried against the sandbox.
    /// </summary>
    public List<LinearUserState> Users { get; } =
    [
        new() { Id = "user-codex", Name = "Codex", DisplayName = "codex", App = true },
        new() { Id = "user-copilot", Name = "GitHub Copilot", DisplayName = "copilot", App = true },
    ];

    public LinearTeamState? FindTeam(string idOrKey) =>
        Teams.Find(t => t.Id == idOrKey) ?? Teams.Find(t => string.Equals(t.Key, idOrKey, StringComparison.OrdinalIgnoreCase));

    public LinearIssueState? FindIssue(string idOrIdentifier) =>
        Issues.Find(i => i.Id == idOrIdentifier) ?? Issues.Find(i => i.Identifier == idOrIdentifier);

    /// <summary>The next free number in a team (identifier KEY-number), above every existing one.</summary>
    public int NextIssueNumber(LinearTeamState team) =>
        Issues.Where(i => i.TeamId == team.Id).Select(i => i.Number).DefaultIfEmpty(0).Max() + 1;

    public string IssueUrl(string identifier) => $"https://linear.app/{Workspace}/issue/{identifier}";
}

public sealed class LinearTeamState
{
    public string Id { get; set; } = "";
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class LinearLabelState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? TeamId { get; set; }
    public string? Color { get; set; }
}

public sealed class LinearUserState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>An agent user (an integration), the only kind an issue can be delegated to.</summary>
    public bool App { get; set; }
}

public sealed class LinearProjectState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly? TargetDate { get; set; }
    public string? Description { get; set; }
}

public sealed class LinearIssueState
{
    public string Id { get; set; } = "";
    public string Identifier { get; set; } = "";
    public int Number { get; set; }
    public string TeamId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string State { get; set; } = "Todo";
    public int Priority { get; set; }
    public List<string> LabelIds { get; set; } = [];
    public string? ProjectId { get; set; }
    public string? CycleId { get; set; }
    public string? ParentId { get; set; }
    public string? AssigneeId { get; set; }
    public string? DelegateId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string Url { get; set; } = "";
    public List<LinearCommentState> Comments { get; } = [];
    public List<LinearAttachmentState> Attachments { get; } = [];
    /// <summary>Relations this issue is the source of ("duplicate": this issue duplicates RelatedIssueId).</summary>
    public List<LinearRelationState> Relations { get; } = [];
}

public sealed class LinearRelationState
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string IssueId { get; set; } = "";
    public string RelatedIssueId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class LinearCommentState
{
    public string Id { get; set; } = "";
    public string IssueId { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class LinearAttachmentState
{
    public string Id { get; set; } = "";
    public string IssueId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Subtitle { get; set; }
    public string Url { get; set; } = "";
    public JsonObject? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The user who attached it: the API key's user for an attachment made through the API; null for one seeded by the scenario (a person's).</summary>
    public string? CreatorId { get; set; }
}

public sealed class LinearProjectUpdateState
{
    public string Id { get; set; } = "";
    public string ProjectId { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Health { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
