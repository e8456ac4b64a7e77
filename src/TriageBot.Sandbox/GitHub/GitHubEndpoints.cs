using System.Globalization;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>
/// GitHub REST as Octokit consumes it, under /github/ and /github/api/v3/, and under /api/v3/ at the root: Octokit
/// resolves "/api/v3/" against a base that is not github.com, which replaces the base's path, so a client given
/// {base}github/ really calls {base}api/v3/ (as against a GitHub Enterprise Server at {base}).
/// Credentials, faults, rate-limit headers and the request log come from the pipeline in front.
/// </summary>
internal static class GitHubEndpoints
{
    public static void MapGitHub(this IEndpointRouteBuilder app, SandboxState state)
    {
        foreach (var prefix in new[] { "/github", "/github/api/v3", SandboxPipeline.GitHubEnterprisePrefix })
        {
            var api = app.MapGroup(prefix);
            api.MapGet("/rate_limit", (HttpContext ctx) => RateLimitAsync(ctx, state));
            api.MapGet("/repos/{owner}/{repo}", (HttpContext ctx, string owner, string repo) =>
                WithRepo(ctx, state, owner, repo, (r, json) => json.Repository(r, state.ScenarioNow)));
            api.MapGet("/repos/{owner}/{repo}/issues", (HttpContext ctx, string owner, string repo) =>
                WithRepo(ctx, state, owner, repo, (r, json) => ListIssues(ctx, r, json)));
            api.MapGet("/repos/{owner}/{repo}/issues/comments", (HttpContext ctx, string owner, string repo) =>
                WithRepo(ctx, state, owner, repo, (r, json) => ListComments(ctx, r, json, r.Issues.SelectMany(i => i.Comments))));
            api.MapGet("/repos/{owner}/{repo}/issues/{number:int}", (HttpContext ctx, string owner, string repo, int number) =>
                WithRepo(ctx, state, owner, repo, (r, json) => r.FindIssue(number) is { } issue ? json.Issue(r, issue) : null));
            api.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext ctx, string owner, string repo, int number) =>
                WithRepo(ctx, state, owner, repo, (r, json) =>
                    r.FindIssue(number) is { } issue ? ListComments(ctx, r, json, issue.Comments) : null));
            api.MapGet("/repos/{owner}/{repo}/git/ref/{**reference}", (HttpContext ctx, string owner, string repo, string reference) =>
                WithRepo(ctx, state, owner, repo, (r, json) => FindRef(r, reference) is { } found ? json.Ref(r, found) : null));
            api.MapGet("/repos/{owner}/{repo}/git/refs/{**reference}", (HttpContext ctx, string owner, string repo, string reference) =>
                WithRepo(ctx, state, owner, repo, (r, json) => FindRef(r, reference) is { } found ? json.Ref(r, found) : null));
            api.MapPost("/repos/{owner}/{repo}/git/refs", (HttpContext ctx, string owner, string repo) =>
                GitHubWrites.CreateRefAsync(ctx, state, owner, repo));
            api.MapPost("/repos/{owner}/{repo}/pulls", (HttpContext ctx, string owner, string repo) =>
                GitHubWrites.CreatePullRequestAsync(ctx, state, owner, repo));
        }
    }

    private static GitHubRefState? FindRef(GitHubRepoState repo, string reference)
    {
        var full = reference.StartsWith("refs/", StringComparison.Ordinal) ? reference : "refs/" + reference;
        return repo.Refs.Find(r => r.Ref == full);
    }

    /// <summary>Runs <paramref name="render"/> under the state lock; 404 for an unknown repository or a null answer.</summary>
    private static Task WithRepo(HttpContext ctx, SandboxState state, string owner, string name, Func<GitHubRepoState, GitHubJson, JsonNode?> render)
    {
        JsonNode? body;
        lock (state.Sync)
        {
            var repo = state.GitHub.FindRepo(owner, name);
            body = repo is null ? null : render(repo, new GitHubJson(GitHubResponses.ApiBase(ctx)));
        }

        return body is null ? GitHubResponses.NotFoundAsync(ctx) : GitHubResponses.WriteAsync(ctx, body);
    }

    private static JsonArray ListIssues(HttpContext ctx, GitHubRepoState repo, GitHubJson json)
    {
        var query = ctx.Request.Query;
        var stateFilter = query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var since = GitHubResponses.Since(ctx);
        var labels = query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var creator = query["creator"].ToString();
        IEnumerable<GitHubIssueState> issues = repo.Issues
            .Where(i => stateFilter == "all" || i.State == stateFilter)
            .Where(i => since is null || i.UpdatedAt >= since)
            .Where(i => labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase)))
            .Where(i => creator.Length == 0 || string.Equals(i.User, creator, StringComparison.OrdinalIgnoreCase));
        var ascending = query["direction"] == "asc";
        Func<GitHubIssueState, IComparable> key = query["sort"].ToString() switch
        {
            "updated" => i => i.UpdatedAt,
            "comments" => i => i.Comments.Count,
            _ => i => i.CreatedAt,
        };
        // Ties broken by number so pages never overlap or skip.
        var ordered = ascending
            ? issues.OrderBy(key).ThenBy(i => i.Number)
            : issues.OrderByDescending(key).ThenByDescending(i => i.Number);
        var page = GitHubResponses.Page(ctx, ordered.ToList());
        return new JsonArray(page.Select(i => (JsonNode)json.Issue(repo, i)).ToArray());
    }

    private static JsonArray ListComments(HttpContext ctx, GitHubRepoState repo, GitHubJson json, IEnumerable<GitHubCommentState> comments)
    {
        var query = ctx.Request.Query;
        var since = GitHubResponses.Since(ctx);
        var filtered = comments.Where(c => since is null || c.UpdatedAt >= since);
        // GitHub: ascending by default; direction only counts together with sort.
        var descending = query["direction"] == "desc" && query["sort"].Count > 0;
        Func<GitHubCommentState, DateTimeOffset> key = query["sort"] == "updated" ? c => c.UpdatedAt : c => c.CreatedAt;
        var ordered = descending
            ? filtered.OrderByDescending(key).ThenByDescending(c => c.Id)
            : filtered.OrderBy(key).ThenBy(c => c.Id);
        var page = GitHubResponses.Page(ctx, ordered.ToList());
        return new JsonArray(page.Select(c => (JsonNode)json.Comment(repo, c)).ToArray());
    }

    private static Task RateLimitAsync(HttpContext ctx, SandboxState state)
    {
        // The pipeline has already put this request's quota into the x-ratelimit-* headers; echo them.
        var headers = ctx.Response.Headers;
        var limit = Number(headers["x-ratelimit-limit"], 5000);
        var remaining = Number(headers["x-ratelimit-remaining"], limit);
        var reset = Number(headers["x-ratelimit-reset"], state.Clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds());
        JsonObject Core() => new() { ["limit"] = limit, ["used"] = limit - remaining, ["remaining"] = remaining, ["reset"] = reset };
        var body = new JsonObject
        {
            ["resources"] = new JsonObject
            {
                ["core"] = Core(),
                ["search"] = new JsonObject { ["limit"] = 30, ["used"] = 0, ["remaining"] = 30, ["reset"] = reset },
                ["graphql"] = new JsonObject { ["limit"] = 5000, ["used"] = 0, ["remaining"] = 5000, ["reset"] = reset },
            },
            ["rate"] = Core(),
        };
        return GitHubResponses.WriteAsync(ctx, body);
    }

    private static long Number(Microsoft.Extensions.Primitives.StringValues value, long fallback) =>
        long.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
