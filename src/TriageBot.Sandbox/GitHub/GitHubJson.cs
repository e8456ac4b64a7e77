using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>
/// GitHub REST shapes (issue, comment, user, label, repository, ref, pull request) with the fields Octokit reads.
/// API urls point at the sandbox under the prefix the request came in on (/github/ or /github/api/v3/);
/// html urls look like github.com's.
/// </summary>
internal sealed class GitHubJson(string apiBase)
{
    /// <summary>e.g. http://127.0.0.1:5000/github/api/v3 (no trailing slash).</summary>
    public string ApiBase { get; } = apiBase.TrimEnd('/');

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable positive id derived from a key, so the same scenario always gives the same ids.</summary>
    public static long StableId(string key) =>
        (long)(BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) % 900_000_000UL) + 100_000_000L;

    public static string NodeId(string prefix, long id) =>
        prefix + "_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    public JsonObject User(string login)
    {
        var id = StableId("user:" + login);
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = id,
            ["node_id"] = NodeId("U", id),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{id}?v=4",
            ["gravatar_id"] = "",
            ["url"] = $"{ApiBase}/users/{login}",
            ["html_url"] = $"https://github.com/{login}",
            ["type"] = login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
            ["site_admin"] = false,
        };
    }

    public JsonObject Label(GitHubRepoState repo, string name)
    {
        var id = StableId($"label:{repo.Owner}/{repo.Name}:{name}");
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("LA", id),
            ["url"] = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}/labels/{Uri.EscapeDataString(name)}",
            ["name"] = name,
            ["color"] = "ededed",
            ["default"] = false,
            ["description"] = null,
        };
    }

    public static JsonObject Reactions(string url, int total) => new()
    {
        ["url"] = url + "/reactions",
        ["total_count"] = total,
        // The scenario knows only the total; GitHub's summary splits it by kind.
        ["+1"] = total,
        ["-1"] = 0,
        ["laugh"] = 0,
        ["hooray"] = 0,
        ["confused"] = 0,
        ["heart"] = 0,
        ["rocket"] = 0,
        ["eyes"] = 0,
    };

    public JsonObject Issue(GitHubRepoState repo, GitHubIssueState issue)
    {
        var id = StableId($"issue:{repo.Owner}/{repo.Name}#{issue.Number}");
        var repoApi = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}";
        var url = $"{repoApi}/issues/{issue.Number}";
        var json = new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId(issue.IsPullRequest ? "PR" : "I", id),
            ["url"] = url,
            ["repository_url"] = repoApi,
            ["labels_url"] = url + "/labels{/name}",
            ["comments_url"] = url + "/comments",
            ["events_url"] = url + "/events",
            ["html_url"] = $"https://github.com/{repo.Owner}/{repo.Name}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}",
            ["number"] = issue.Number,
            ["state"] = issue.State,
            ["state_reason"] = issue.State == "closed" ? "completed" : null,
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["user"] = User(issue.User),
            ["labels"] = new JsonArray(issue.Labels.Select(l => (JsonNode)Label(repo, l)).ToArray()),
            ["assignee"] = null,
            ["assignees"] = new JsonArray(),
            ["milestone"] = null,
            ["locked"] = false,
            ["active_lock_reason"] = null,
            ["comments"] = issue.Comments.Count,
            ["created_at"] = Time(issue.CreatedAt),
            ["updated_at"] = Time(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closed ? Time(closed) : issue.State == "closed" ? Time(issue.UpdatedAt) : null,
            ["closed_by"] = null,
            ["author_association"] = "NONE",
            ["reactions"] = Reactions(url, issue.Reactions),
        };
        if (issue.IsPullRequest)
        {
            json["pull_request"] = new JsonObject
            {
                ["url"] = $"{repoApi}/pulls/{issue.Number}",
                ["html_url"] = $"https://github.com/{repo.Owner}/{repo.Name}/pull/{issue.Number}",
                ["diff_url"] = $"https://github.com/{repo.Owner}/{repo.Name}/pull/{issue.Number}.diff",
                ["patch_url"] = $"https://github.com/{repo.Owner}/{repo.Name}/pull/{issue.Number}.patch",
                ["merged_at"] = null,
            };
        }

        return json;
    }

    public JsonObject Comment(GitHubRepoState repo, GitHubCommentState comment)
    {
        var repoApi = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}";
        var url = $"{repoApi}/issues/comments/{comment.Id}";
        return new JsonObject
        {
            ["id"] = comment.Id,
            ["node_id"] = NodeId("IC", comment.Id),
            ["url"] = url,
            ["html_url"] = $"https://github.com/{repo.Owner}/{repo.Name}/issues/{comment.IssueNumber}#issuecomment-{comment.Id}",
            ["issue_url"] = $"{repoApi}/issues/{comment.IssueNumber}",
            ["body"] = comment.Body,
            ["user"] = User(comment.User),
            ["created_at"] = Time(comment.CreatedAt),
            ["updated_at"] = Time(comment.UpdatedAt),
            ["author_association"] = "NONE",
            ["reactions"] = Reactions(url, 0),
        };
    }

    public JsonObject Repository(GitHubRepoState repo, DateTimeOffset now)
    {
        var id = StableId($"repo:{repo.Owner}/{repo.Name}");
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("R", id),
            ["name"] = repo.Name,
            ["full_name"] = $"{repo.Owner}/{repo.Name}",
            ["owner"] = User(repo.Owner),
            ["private"] = false,
            ["html_url"] = $"https://github.com/{repo.Owner}/{repo.Name}",
            ["description"] = null,
            ["fork"] = false,
            ["url"] = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}",
            ["clone_url"] = $"https://github.com/{repo.Owner}/{repo.Name}.git",
            ["default_branch"] = repo.DefaultBranch,
            ["open_issues_count"] = repo.Issues.Count(i => i.State == "open"),
            ["has_issues"] = true,
            ["archived"] = false,
            ["disabled"] = false,
            ["visibility"] = "public",
            ["created_at"] = Time(now.AddYears(-2)),
            ["updated_at"] = Time(repo.Issues.Select(i => i.UpdatedAt).DefaultIfEmpty(now).Max()),
            ["pushed_at"] = Time(now.AddDays(-1)),
        };
    }

    public JsonObject Ref(GitHubRepoState repo, GitHubRefState reference) => new()
    {
        ["ref"] = reference.Ref,
        ["node_id"] = NodeId("REF", StableId($"ref:{repo.Owner}/{repo.Name}:{reference.Ref}")),
        ["url"] = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}/git/{reference.Ref}",
        ["object"] = new JsonObject
        {
            ["sha"] = reference.Sha,
            ["type"] = "commit",
            ["url"] = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}/git/commits/{reference.Sha}",
        },
    };

    public JsonObject PullRequest(GitHubRepoState repo, GitHubPullRequestState pr)
    {
        var id = StableId($"pull:{repo.Owner}/{repo.Name}#{pr.Number}");
        var repoApi = $"{ApiBase}/repos/{repo.Owner}/{repo.Name}";
        var html = $"https://github.com/{repo.Owner}/{repo.Name}/pull/{pr.Number}";
        JsonObject Branch(string name) => new()
        {
            ["label"] = $"{repo.Owner}:{name}",
            ["ref"] = name,
            ["sha"] = repo.Refs.Find(r => r.Ref == "refs/heads/" + name)?.Sha ?? "",
            ["user"] = User(repo.Owner),
            ["repo"] = Repository(repo, pr.CreatedAt),
        };
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("PR", id),
            ["url"] = $"{repoApi}/pulls/{pr.Number}",
            ["html_url"] = html,
            ["diff_url"] = html + ".diff",
            ["patch_url"] = html + ".patch",
            ["issue_url"] = $"{repoApi}/issues/{pr.Number}",
            ["number"] = pr.Number,
            ["state"] = pr.State,
            ["locked"] = false,
            ["title"] = pr.Title,
            ["body"] = pr.Body,
            ["user"] = User(pr.User),
            ["labels"] = new JsonArray(),
            ["created_at"] = Time(pr.CreatedAt),
            ["updated_at"] = Time(pr.CreatedAt),
            ["closed_at"] = null,
            ["merged_at"] = null,
            ["merge_commit_sha"] = null,
            ["draft"] = pr.Draft,
            ["head"] = Branch(pr.Head),
            ["base"] = Branch(pr.Base),
            ["merged"] = false,
            ["mergeable"] = null,
            ["mergeable_state"] = "unknown",
            ["comments"] = 0,
            ["review_comments"] = 0,
            ["commits"] = 0,
            ["additions"] = 0,
            ["deletions"] = 0,
            ["changed_files"] = 0,
            ["author_association"] = "NONE",
        };
    }
}
