using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Clients.Linear;

// Typed operations over LinearDocuments. Each returns records; GraphQL shapes stay in this file.
public sealed partial class LinearGraphQLClient
{
    public async Task<IReadOnlyList<LinearTeam>> GetTeamsAsync(CancellationToken ct) =>
        await GetAllPagesAsync(LinearDocuments.Teams, "teams", n => new LinearTeam(Str(n, "id"), Str(n, "key"), Str(n, "name")), ct);

    public async Task<IReadOnlyList<LinearLabel>> GetLabelsAsync(CancellationToken ct) =>
        await GetAllPagesAsync(LinearDocuments.IssueLabels, "issueLabels", n => new LinearLabel(Str(n, "id"), Str(n, "name"), NestedId(n, "team")), ct);

    public async Task<IReadOnlyList<LinearProject>> GetProjectsAsync(CancellationToken ct) =>
        await GetAllPagesAsync(LinearDocuments.Projects, "projects", n => new LinearProject(Str(n, "id"), Str(n, "name")), ct);

    /// <summary>Attachments (and their issues) that link <paramref name="url"/>: how an existing ticket is found.</summary>
    public async Task<IReadOnlyList<LinearAttachment>> FindAttachmentsAsync(string url, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.AttachmentsForUrl, new JsonObject { ["url"] = url }, ct);
        return Nodes(result.Data, "attachmentsForURL").Select(ParseAttachment).ToList();
    }

    public async Task<LinearIssue?> GetIssueAsync(string id, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.Issue, new JsonObject { ["id"] = id }, ct);
        return result.Data.TryGetProperty("issue", out var i) && i.ValueKind == JsonValueKind.Object ? ParseIssue(i) : null;
    }

    public async Task<IReadOnlyList<LinearIssue>> FindIssuesByDescriptionMarkerAsync(string marker, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.IssuesByDescriptionMarker, new JsonObject { ["marker"] = marker }, ct);
        return Nodes(result.Data, "issues").Select(ParseIssue)
            .Where(i => i.Description?.Contains(marker, StringComparison.Ordinal) ?? false) // the filter is a hint; the marker is the proof
            .ToList();
    }

    /// <summary>Issue id to its workflow state (name, type), for the given ids; ids Linear does not return are left out.</summary>
    public async Task<IReadOnlyDictionary<string, (string Name, string Type)>> GetIssueStatesAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        var states = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(LinearDocuments.MaxStatesPerRequest))
        {
            var variables = new JsonObject
            {
                ["ids"] = new JsonArray(chunk.Select(id => (JsonNode)JsonValue.Create(id)!).ToArray()),
                ["first"] = chunk.Length,
            };
            var result = await SendAsync(LinearDocuments.IssueStates, variables, ct);
            foreach (var n in Nodes(result.Data, "issues"))
                if (n.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object)
                    states[Str(n, "id")] = (Str(state, "name"), Str(state, "type"));
        }
        return states;
    }

    public async Task<LinearIssue> CreateIssueAsync(LinearIssueCreate create, CancellationToken ct)
    {
        var input = new JsonObject
        {
            ["teamId"] = create.TeamId,
            ["title"] = create.Title,
            ["description"] = create.Description,
            ["priority"] = create.Priority,
        };
        if (create.LabelIds.Count > 0) input["labelIds"] = new JsonArray(create.LabelIds.Select(l => (JsonNode)JsonValue.Create(l)!).ToArray());
        if (create.ProjectId is not null) input["projectId"] = create.ProjectId;
        var result = await SendAsync(LinearDocuments.IssueCreate, new JsonObject { ["input"] = input }, ct);
        if (result.Data.TryGetProperty("issueCreate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object)
        {
            return ParseIssue(issue);
        }
        throw new LinearApiException("issueCreate returned no issue", result.Errors);
    }

    public async Task<IReadOnlyList<LinearUser>> GetUsersAsync(CancellationToken ct) =>
        await GetAllPagesAsync(LinearDocuments.Users, "users", n => new LinearUser(Str(n, "id"), Str(n, "name"), Str(n, "displayName"),
            n.TryGetProperty("app", out var app) && app.ValueKind == JsonValueKind.True,
            !n.TryGetProperty("active", out var active) || active.ValueKind != JsonValueKind.False), ct);

    /// <summary>Delegates <paramref name="issueId"/> to the agent user <paramref name="agentUserId"/>; false when Linear did not take it.</summary>
    public async Task<bool> DelegateIssueAsync(string issueId, string agentUserId, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.IssueDelegate,
            new JsonObject { ["id"] = issueId, ["input"] = new JsonObject { ["delegateId"] = agentUserId } }, ct);
        return result.Data.TryGetProperty("issueUpdate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object
            && NestedId(issue, "delegate") == agentUserId;
    }

    /// <summary>Posts <paramref name="body"/> (Markdown) as an update of <paramref name="projectId"/>; returns the update's URL.</summary>
    public async Task<string> CreateProjectUpdateAsync(string projectId, string body, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.ProjectUpdateCreate,
            new JsonObject { ["input"] = new JsonObject { ["projectId"] = projectId, ["body"] = body } }, ct);
        if (result.Data.TryGetProperty("projectUpdateCreate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("projectUpdate", out var u) && u.ValueKind == JsonValueKind.Object)
        {
            return Str(u, "url");
        }
        throw new LinearApiException("projectUpdateCreate returned no update", result.Errors);
    }

    public async Task<LinearAttachment> CreateAttachmentAsync(string issueId, string url, string title, string? subtitle, CancellationToken ct)
    {
        var input = new JsonObject { ["issueId"] = issueId, ["url"] = url, ["title"] = title };
        if (subtitle is not null) input["subtitle"] = subtitle;
        var result = await SendAsync(LinearDocuments.AttachmentCreate, new JsonObject { ["input"] = input }, ct);
        if (result.Data.TryGetProperty("attachmentCreate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object)
        {
            return new LinearAttachment(Str(a, "id"), Str(a, "url"), Str(a, "title"), null);
        }
        throw new LinearApiException("attachmentCreate returned no attachment", result.Errors);
    }

    /// <summary>Removes the attachment <paramref name="attachmentId"/> from its issue; false when Linear did not.</summary>
    public async Task<bool> DeleteAttachmentAsync(string attachmentId, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.AttachmentDelete, new JsonObject { ["id"] = attachmentId }, ct);
        return result.Data.TryGetProperty("attachmentDelete", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True;
    }

    public async Task<string> CreateCommentAsync(string issueId, string body, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.CommentCreate, new JsonObject { ["input"] = new JsonObject { ["issueId"] = issueId, ["body"] = body } }, ct);
        if (result.Data.TryGetProperty("commentCreate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("comment", out var c) && c.ValueKind == JsonValueKind.Object)
        {
            return Str(c, "id");
        }
        throw new LinearApiException("commentCreate returned no comment", result.Errors);
    }

    /// <summary>Marks <paramref name="issueId"/> a duplicate of <paramref name="duplicateOfId"/> (ids or identifiers); returns the relation's id.</summary>
    public async Task<string> MarkDuplicateAsync(string issueId, string duplicateOfId, CancellationToken ct)
    {
        var input = new JsonObject { ["issueId"] = issueId, ["relatedIssueId"] = duplicateOfId, ["type"] = "duplicate" };
        var result = await SendAsync(LinearDocuments.IssueRelationCreate, new JsonObject { ["input"] = input }, ct);
        if (result.Data.TryGetProperty("issueRelationCreate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("issueRelation", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            return Str(r, "id");
        }
        throw new LinearApiException("issueRelationCreate returned no relation", result.Errors);
    }

    public async Task<LinearLabel> CreateLabelAsync(string teamId, string name, CancellationToken ct)
    {
        var result = await SendAsync(LinearDocuments.IssueLabelCreate, new JsonObject { ["input"] = new JsonObject { ["teamId"] = teamId, ["name"] = name } }, ct);
        if (result.Data.TryGetProperty("issueLabelCreate", out var payload) && payload.ValueKind == JsonValueKind.Object
            && payload.TryGetProperty("issueLabel", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            return new LinearLabel(Str(l, "id"), Str(l, "name"), NestedId(l, "team") ?? teamId);
        }
        throw new LinearApiException("issueLabelCreate returned no label", result.Errors);
    }

    private async Task<List<T>> GetAllPagesAsync<T>(string document, string field, Func<JsonElement, T> map, CancellationToken ct)
    {
        var all = new List<T>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await SendAsync(document, new JsonObject { ["after"] = after }, ct);
            all.AddRange(Nodes(result.Data, field).Select(map));
            if (!result.Data.TryGetProperty(field, out var conn) || !conn.TryGetProperty("pageInfo", out var info)
                || !info.TryGetProperty("hasNextPage", out var more) || more.ValueKind != JsonValueKind.True)
            {
                break;
            }
            after = info.TryGetProperty("endCursor", out var cursor) ? cursor.GetString() : null;
            if (after is null) break;
        }
        return all;
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement data, string field) =>
        data.TryGetProperty(field, out var conn) && conn.ValueKind == JsonValueKind.Object
        && conn.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
            ? nodes.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object).ToList()
            : [];

    private static LinearIssue ParseIssue(JsonElement i)
    {
        var state = i.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var team = i.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        return new LinearIssue(
            Str(i, "id"), Str(i, "identifier"), Str(i, "url"), Str(i, "title"),
            i.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
            state.ValueKind == JsonValueKind.Object ? Str(state, "name") : "",
            state.ValueKind == JsonValueKind.Object ? Str(state, "type") : "",
            team.ValueKind == JsonValueKind.Object ? Str(team, "id") : null,
            team.ValueKind == JsonValueKind.Object ? Str(team, "key") : null);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string? NestedId(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("id", out var id) ? id.GetString() : null;
}
