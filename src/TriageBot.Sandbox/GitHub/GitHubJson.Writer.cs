using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

// Issues, comments, users, labels and reactions are written straight to UTF-8: listings of 100 issues were built as
// JsonNode trees and then written, which took most of the sandbox's time per page. The JsonObject forms other answers
// embed (a repository's owner, a single issue) are read back from the same writer, so there is one shape per kind.
internal sealed partial class GitHubJson
{
    public void WriteUser(Utf8JsonWriter w, string login)
    {
        var id = StableId("user:" + login);
        w.WriteStartObject();
        w.WriteString("login", login);
        w.WriteNumber("id", id);
        w.WriteString("node_id", NodeId("U", id));
        w.WriteString("avatar_url", $"https://avatars.githubusercontent.com/u/{id}?v=4");
        w.WriteString("gravatar_id", "");
        w.WriteString("url", $"{ApiBase}/users/{login}");
        w.WriteString("html_url", $"https://github.com/{login}");
        w.WriteString("type", login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");
        w.WriteBoolean("site_admin", false);
        w.WriteEndObject();
    }

    private void WriteLabel(Utf8JsonWriter w, GitHubRepoState repo, string name)
    {
        var id = StableId($"label:{repo.Owner}/{repo.Name}:{name}");
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("node_id", NodeId("LA", id));
        w.WriteString("url", $"{ApiBase}/repos/{repo.Owner}/{repo.Name}/labels/{Uri.EscapeDataString(name)}");
        w.WriteString("name", name);
        w.WriteString("color", "ededed");
        w.WriteBoolean("default", false);
        w.WriteNull("description");
        w.WriteEndObject();
    }

    private static void WriteReactions(Utf8JsonWriter w, string url, int total)
    {
        w.WriteStartObject("reactions");
        w.WriteString("url", url + "/reactions");
        w.WriteNumber("total_count", total);
        // The scenario knows only the total; GitHub's summary splits it by kind.
        w.WriteNumber("+1", total);
        foreach (var kind in (ReadOnlySpan<string>)["-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"]) w.WriteNumber(kind, 0);
        w.WriteEndObject();
    }

    public void WriteIssue(Utf8JsonWriter w, GitHubRepoState repo, GitHubIssueState issue)
    {
        var id = StableId($"issue:{repo.Owner}/{repo.Name}#{issue.Number}");
        var repoApi = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}";
        var url = $"{repoApi}/issues/{issue.Number}";
        w.WriteStartObject();
        w.WriteNumber("id", id);
        w.WriteString("node_id", NodeId(issue.IsPullRequest ? "PR" : "I", id));
        w.WriteString("url", url);
        w.WriteString("repository_url", repoApi);
        w.WriteString("labels_url", url + "/labels{/name}");
        w.WriteString("comments_url", url + "/comments");
        w.WriteString("events_url", url + "/events");
        w.WriteString("html_url", $"https://github.com/{repo.Owner}/{repo.Name}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}");
        w.WriteNumber("number", issue.Number);
        w.WriteString("state", issue.State);
        w.WriteString("state_reason", issue.State == "closed" ? "completed" : null);
        w.WriteString("title", issue.Title);
        w.WriteString("body", issue.Body);
        w.WritePropertyName("user");
        WriteUser(w, issue.User);
        w.WriteStartArray("labels");
        foreach (var label in issue.Labels) WriteLabel(w, repo, label);
        w.WriteEndArray();
        w.WriteNull("assignee");
        w.WriteStartArray("assignees");
        w.WriteEndArray();
        w.WriteNull("milestone");
        w.WriteBoolean("locked", false);
        w.WriteNull("active_lock_reason");
        w.WriteNumber("comments", issue.Comments.Count);
        w.WriteString("created_at", Time(issue.CreatedAt));
        w.WriteString("updated_at", Time(issue.UpdatedAt));
        w.WriteString("closed_at", issue.ClosedAt is { } closed ? Time(closed) : issue.State == "closed" ? Time(issue.UpdatedAt) : null);
        w.WriteNull("closed_by");
        w.WriteString("author_association", "NONE");
        WriteReactions(w, url, issue.Reactions);
        if (issue.IsPullRequest)
        {
            w.WriteStartObject("pull_request");
            w.WriteString("url", $"{repoApi}/pulls/{issue.Number}");
            w.WriteString("html_url", $"https://github.com/{repo.Owner}/{repo.Name}/pull/{issue.Number}");
            w.WriteString("diff_url", $"https://github.com/{repo.Owner}/{repo.Name}/pull/{issue.Number}.diff");
            w.WriteString("patch_url", $"https://github.com/{repo.Owner}/{repo.Name}/pull/{issue.Number}.patch");
            w.WriteNull("merged_at");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    public void WriteComment(Utf8JsonWriter w, GitHubRepoState repo, GitHubCommentState comment)
    {
        var repoApi = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}";
        var url = $"{repoApi}/issues/comments/{comment.Id}";
        w.WriteStartObject();
        w.WriteNumber("id", comment.Id);
        w.WriteString("node_id", NodeId("IC", comment.Id));
        w.WriteString("url", url);
        w.WriteString("html_url", $"https://github.com/{repo.Owner}/{repo.Name}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}");
        w.WriteString("issue_url", $"{repoApi}/issues/{comment.IssueNumber}");
        w.WriteString("body", comment.Body);
        w.WritePropertyName("user");
        WriteUser(w, comment.User);
        w.WriteString("created_at", Time(comment.CreatedAt));
        w.WriteString("updated_at", Time(comment.UpdatedAt));
        w.WriteString("author_association", "NONE");
        WriteReactions(w, url, 0);
        w.WriteEndObject();
    }

    /// <summary>Writes a JSON array of <paramref name="items"/> to UTF-8.</summary>
    public static ArrayBufferWriter<byte> Array<T>(IReadOnlyList<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var w = new Utf8JsonWriter(buffer);
        w.WriteStartArray();
        foreach (var item in items) write(w, item);
        w.WriteEndArray();
        w.Flush();
        return buffer;
    }

    private static JsonObject Node(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer)) write(w);
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }
}
