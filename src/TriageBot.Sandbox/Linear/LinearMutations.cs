using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>
/// The Mutation root: issueCreate, issueUpdate, commentCreate, attachmentCreate (idempotent per issue and url,
/// as Linear's), attachmentLinkURL, attachmentDelete, issueLabelCreate, issueRelationCreate, projectUpdateCreate. Writes land in SandboxState.Linear.
/// </summary>
internal static class LinearMutations
{
    private static readonly ConditionalWeakTable<LinearState, StrongBox<long>> Counters = new();

    public static GraphNode Root(LinearGraph graph)
    {
        var linear = graph.Linear;
        var sampleTeam = linear.Teams.FirstOrDefault() ?? new LinearTeamState { Id = "team", Key = "TEAM", Name = "Team" };
        var sampleIssue = new LinearIssueState { Id = "sample", Identifier = sampleTeam.Key + "-0", TeamId = sampleTeam.Id, Title = "sample" };
        var sampleAttachment = new LinearAttachmentState { Id = "sample", IssueId = sampleIssue.Id, Title = "sample", Url = "https://example.invalid" };
        return new GraphNode("Mutation")
            .Mutation("issueCreate", args => Payload("IssuePayload", "issue", graph.Issue(CreateIssue(graph, args.RequiredObject("input")))),
                () => Payload("IssuePayload", "issue", graph.Issue(sampleIssue)))
            .Mutation("issueUpdate", args => Payload("IssuePayload", "issue", graph.Issue(UpdateIssue(graph, args.RequiredString("id"), args.RequiredObject("input")))),
                () => Payload("IssuePayload", "issue", graph.Issue(sampleIssue)))
            .Mutation("commentCreate", args => Payload("CommentPayload", "comment", graph.Comment(CreateComment(graph, args.RequiredObject("input")))),
                () => Payload("CommentPayload", "comment", graph.Comment(new LinearCommentState { Id = "sample-comment", IssueId = sampleIssue.Id })))
            .Mutation("attachmentCreate", args =>
                {
                    var input = args.RequiredObject("input");
                    var attachment = Attach(graph, input.RequiredString("issueId"), input.RequiredString("url"), input.RequiredString("title"),
                        input.String("subtitle"), input["metadata"]);
                    return Payload("AttachmentPayload", "attachment", graph.Attachment(attachment));
                },
                () => Payload("AttachmentPayload", "attachment", graph.Attachment(sampleAttachment)))
            .Mutation("attachmentLinkURL", args =>
                {
                    var url = args.RequiredString("url");
                    var attachment = Attach(graph, args.RequiredString("issueId"), url, args.String("title") ?? url, null, null);
                    return Payload("AttachmentPayload", "attachment", graph.Attachment(attachment));
                },
                () => Payload("AttachmentPayload", "attachment", graph.Attachment(sampleAttachment)))
            .Mutation("attachmentDelete", args => DeletePayload(DeleteAttachment(graph, args.RequiredString("id"))),
                () => DeletePayload(sampleAttachment.Id))
            .Mutation("issueLabelCreate", args => Payload("IssueLabelPayload", "issueLabel", graph.Label(CreateLabel(graph, args.RequiredObject("input")))),
                () => Payload("IssueLabelPayload", "issueLabel", graph.Label(new LinearLabelState { Id = "sample", Name = "sample" })))
            .Mutation("issueRelationCreate", args => Payload("IssueRelationPayload", "issueRelation", graph.Relation(CreateRelation(graph, args.RequiredObject("input")))),
                () => Payload("IssueRelationPayload", "issueRelation", graph.Relation(new LinearRelationState { Id = "sample", Type = "related", IssueId = sampleIssue.Id, RelatedIssueId = sampleIssue.Id })))
            .Mutation("projectUpdateCreate", args => Payload("ProjectUpdatePayload", "projectUpdate", graph.ProjectUpdate(CreateProjectUpdate(graph, args.RequiredObject("input")))),
                () => Payload("ProjectUpdatePayload", "projectUpdate", graph.ProjectUpdate(new LinearProjectUpdateState { Id = "sample" })));
    }

    private static GraphNode Payload(string typeName, string field, GraphNode entity) =>
        new GraphNode(typeName).Field("success", true).Field("lastSyncId", 1d).Field(field, entity);

    private static GraphNode DeletePayload(string entityId) =>
        new GraphNode("DeletePayload").Field("success", true).Field("lastSyncId", 1d).Field("entityId", entityId);

    private static string DeleteAttachment(LinearGraph graph, string id)
    {
        var issue = graph.Linear.Issues.FirstOrDefault(i => i.Attachments.Exists(a => a.Id == id)) ?? throw GraphQLException.NotFound("Attachment");
        issue.Attachments.RemoveAll(a => a.Id == id);
        return id;
    }

    private static string NextId(LinearState linear, string kind)
    {
        var counter = Counters.GetValue(linear, _ => new StrongBox<long>(0));
        return LinearGraph.NewId(kind, ++counter.Value);
    }

    private static LinearIssueState CreateIssue(LinearGraph graph, FieldArguments input)
    {
        var linear = graph.Linear;
        var team = linear.FindTeam(input.RequiredString("teamId")) ?? throw GraphQLException.NotFound("Team");
        var title = input.String("title");
        if (string.IsNullOrWhiteSpace(title))
        {
            throw GraphQLException.InvalidInput("Argument Validation Error", "title should not be empty");
        }

        var number = linear.NextIssueNumber(team);
        var identifier = $"{team.Key}-{number}";
        var now = graph.Now;
        var issue = new LinearIssueState
        {
            Id = input.String("id") ?? NextId(linear, "issue"),
            Identifier = identifier,
            Number = number,
            TeamId = team.Id,
            Title = title,
            State = "Todo",
            CreatedAt = now,
            UpdatedAt = now,
            Url = linear.IssueUrl(identifier),
        };
        Apply(graph, issue, input, team);
        linear.Issues.Add(issue);
        return issue;
    }

    private static LinearIssueState UpdateIssue(LinearGraph graph, string id, FieldArguments input)
    {
        var issue = graph.Linear.FindIssue(id) ?? throw GraphQLException.NotFound("Issue");
        var team = input.String("teamId") is { } teamId
            ? graph.Linear.FindTeam(teamId) ?? throw GraphQLException.NotFound("Team")
            : graph.Linear.FindTeam(issue.TeamId) ?? new LinearTeamState { Id = issue.TeamId };
        issue.TeamId = team.Id;
        if (input.String("title") is { } title)
        {
            issue.Title = title;
        }

        Apply(graph, issue, input, team);
        issue.UpdatedAt = graph.Now;
        return issue;
    }

    private static void Apply(LinearGraph graph, LinearIssueState issue, FieldArguments input, LinearTeamState team)
    {
        var linear = graph.Linear;
        if (input.Has("description"))
        {
            issue.Description = input.String("description");
        }

        if (input.Int("priority") is { } priority)
        {
            issue.Priority = priority is >= 0 and <= 4
                ? priority
                : throw GraphQLException.InvalidInput("Argument Validation Error", "priority must not be greater than 4");
        }

        if (input.Strings("labelIds") is { } labelIds)
        {
            issue.LabelIds = KnownLabels(linear, labelIds);
        }

        if (input.Strings("addedLabelIds") is { } added)
        {
            issue.LabelIds = issue.LabelIds.Union(KnownLabels(linear, added)).ToList();
        }

        if (input.Strings("removedLabelIds") is { } removed)
        {
            issue.LabelIds = issue.LabelIds.Except(removed).ToList();
        }

        if (input.Has("projectId"))
        {
            var projectId = input.String("projectId");
            issue.ProjectId = projectId is null || linear.Projects.Exists(p => p.Id == projectId)
                ? projectId : throw GraphQLException.NotFound("Project");
        }

        if (input.String("stateId") is { } stateId)
        {
            issue.State = LinearGraph.StateName(team, stateId) ?? throw GraphQLException.NotFound("WorkflowState");
        }

        if (input.Has("parentId"))
        {
            issue.ParentId = input.String("parentId");
        }

        if (input.Has("assigneeId"))
        {
            issue.AssigneeId = input.String("assigneeId");
        }

        if (input.Has("delegateId"))
        {
            // As Linear: only an agent user takes a delegation.
            var delegateId = input.String("delegateId");
            if (delegateId is not null && linear.Users.Find(u => u.Id == delegateId) is not { App: true })
                throw linear.Users.Exists(u => u.Id == delegateId) ? GraphQLException.InvalidInput("delegateId must be an agent user", "Only an agent can be delegated to.") : GraphQLException.NotFound("User");
            issue.DelegateId = delegateId;
        }

        if (input.Has("cycleId"))
        {
            issue.CycleId = input.String("cycleId");
        }
    }

    private static List<string> KnownLabels(LinearState linear, List<string> ids) =>
        ids.Select(id => linear.Labels.Exists(l => l.Id == id) ? id : throw GraphQLException.NotFound("IssueLabel")).Distinct().ToList();

    private static LinearCommentState CreateComment(LinearGraph graph, FieldArguments input)
    {
        var issue = graph.Linear.FindIssue(input.String("issueId") ?? "") ?? throw GraphQLException.NotFound("Issue");
        var body = input.String("body");
        if (string.IsNullOrWhiteSpace(body))
        {
            throw GraphQLException.InvalidInput("Argument Validation Error", "body should not be empty");
        }

        var comment = new LinearCommentState { Id = NextId(graph.Linear, "comment"), IssueId = issue.Id, Body = body, CreatedAt = graph.Now };
        issue.Comments.Add(comment);
        issue.UpdatedAt = graph.Now;
        return comment;
    }

    /// <summary>A second attachment with the same url on the same issue updates the first, as Linear does.</summary>
    private static LinearAttachmentState Attach(LinearGraph graph, string issueId, string url, string title, string? subtitle, object? metadata)
    {
        var issue = graph.Linear.FindIssue(issueId) ?? throw GraphQLException.NotFound("Issue");
        var attachment = issue.Attachments.Find(a => a.Url == url);
        if (attachment is null)
        {
            attachment = new LinearAttachmentState
            {
                Id = NextId(graph.Linear, "attachment"), IssueId = issue.Id, Url = url, CreatedAt = graph.Now, CreatorId = LinearGraph.ViewerId,
            };
            issue.Attachments.Add(attachment);
        }

        attachment.Title = title;
        attachment.Subtitle = subtitle ?? attachment.Subtitle;
        attachment.Metadata = metadata is Dictionary<string, object?> m ? ToJson(m) as JsonObject : attachment.Metadata;
        attachment.UpdatedAt = graph.Now;
        return attachment;
    }

    private static LinearLabelState CreateLabel(LinearGraph graph, FieldArguments input)
    {
        var name = input.RequiredString("name");
        var teamId = input.String("teamId");
        if (teamId is not null && graph.Linear.FindTeam(teamId) is null)
        {
            throw GraphQLException.NotFound("Team");
        }

        if (graph.Linear.Labels.Exists(l => l.TeamId == teamId && string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw GraphQLException.InvalidInput("Duplicate label name", $"A label named \"{name}\" already exists.");
        }

        var label = new LinearLabelState { Id = input.String("id") ?? NextId(graph.Linear, "label"), Name = name, TeamId = teamId, Color = input.String("color") };
        graph.Linear.Labels.Add(label);
        return label;
    }

    private static readonly string[] RelationTypes = ["blocks", "duplicate", "related", "similar"];

    private static LinearRelationState CreateRelation(LinearGraph graph, FieldArguments input)
    {
        var issue = graph.Linear.FindIssue(input.RequiredString("issueId")) ?? throw GraphQLException.NotFound("Issue");
        var related = graph.Linear.FindIssue(input.RequiredString("relatedIssueId")) ?? throw GraphQLException.NotFound("Issue");
        var type = input.RequiredString("type");
        if (!RelationTypes.Contains(type)) throw GraphQLException.InvalidInput("Argument Validation Error", $"type must be one of {string.Join(", ", RelationTypes)}");
        if (issue.Id == related.Id) throw GraphQLException.InvalidInput("Argument Validation Error", "an issue cannot relate to itself");
        var relation = new LinearRelationState { Id = NextId(graph.Linear, "relation"), Type = type, IssueId = issue.Id, RelatedIssueId = related.Id, CreatedAt = graph.Now };
        issue.Relations.Add(relation);
        issue.UpdatedAt = graph.Now;
        return relation;
    }

    private static LinearProjectUpdateState CreateProjectUpdate(LinearGraph graph, FieldArguments input)
    {
        var projectId = input.RequiredString("projectId");
        if (!graph.Linear.Projects.Exists(p => p.Id == projectId))
        {
            throw GraphQLException.NotFound("Project");
        }

        var update = new LinearProjectUpdateState
        {
            Id = NextId(graph.Linear, "project-update"), ProjectId = projectId, Body = input.String("body") ?? "",
            Health = input.String("health"), CreatedAt = graph.Now,
        };
        graph.Linear.ProjectUpdates.Add(update);
        return update;
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        Dictionary<string, object?> d => new JsonObject(d.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        List<object?> l => new JsonArray(l.Select(ToJson).ToArray()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long n => JsonValue.Create(n),
        double x => JsonValue.Create(x),
        _ => JsonValue.Create(value.ToString()),
    };
}
