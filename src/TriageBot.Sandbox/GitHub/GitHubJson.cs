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
internal sealed partial class GitHubJson(string apiBase)
{
    /// <summary>e.g. http://127.0.0.1:5000/github/api/v3 (no trailing slash).</summary>
    public string ApiBase { get; } = apiBase.TrimEnd('/');

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A stable positive id derived from a key, so the same scenario always gives the same ids.</summary>
    public static long StableId(string key) =>
        (long)(BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) % 900_000_000UL) + 100_000_000L;

    public static string NodeId(string prefix, long id) =>
        prefix + "_" + Convert.ToBase64String(Encoding.UTF8.GetBytes(id.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    public JsonObject User(string login) => Node(w => WriteUser(w, login));

    public JsonObject Issue(GitHubRepoState repo, GitHubIssueState issue) => Node(w => WriteIssue(w, repo, issue));

    public JsonObject Comment(GitHubRepoState repo, GitHubCommentState comment) => Node(w => WriteComment(w, repo, comment));

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
