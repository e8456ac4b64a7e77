using System.Buffers;
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
                WithRepoList(ctx, state, owner, repo, (r, json) => ListIssues(ctx, r, json)));
            api.MapGet("/repos/{owner}/{repo}/issues/comments", (HttpContext ctx, string owner, string repo) =>
                WithRepoList(ctx, state, owner, repo, (r, json) => ListComments(ctx, r, json, "comments", () => r.Issues.SelectMany(i => i.Comments))));
            api.MapGet("/repos/{owner}/{repo}/issues/{number:int}", (HttpContext ctx, string owner, string repo, int number) =>
                WithRepo(ctx, state, owner, repo, (r, json) => r.FindIssue(number) is { } issue ? json.Issue(r, issue) : null));
            api.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext ctx, string owner, string repo, int number) =>
                WithRepoList(ctx, state, owner, repo, (r, json) =>
                    r.FindIssue(number) is { } issue ? ListComments(ctx, r, json, "comments/" + number, () => issue.Comments) : null));
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

    /// <summary>
    /// Like <see cref="WithRepo"/> for listings, which are written straight to UTF-8 under the state lock (a page of
    /// 100 issues is ~210 KB; building it as a JsonNode tree first cost more than everything else the sandbox does).
    /// </summary>
    private static Task WithRepoList(HttpContext ctx, SandboxState state, string owner, string name, Func<GitHubRepoState, GitHubJson, ArrayBufferWriter<byte>?> render)
    {
        ArrayBufferWriter<byte>? body;
        lock (state.Sync)
        {
            var repo = state.GitHub.FindRepo(owner, name);
            body = repo is null ? null : render(repo, new GitHubJson(GitHubResponses.ApiBase(ctx)));
        }

        return body is null ? GitHubResponses.NotFoundAsync(ctx) : GitHubResponses.WriteAsync(ctx, body.WrittenMemory);
    }

    private static ArrayBufferWriter<byte> ListIssues(HttpContext ctx, GitHubRepoState repo, GitHubJson json)
    {
        var ordered = Listing(ctx, repo, "issues", () => OrderIssues(ctx.Request.Query, repo));
        var page = GitHubResponses.Page(ctx, ordered);
        return GitHubJson.Array(page, (w, i) => json.WriteIssue(w, repo, i));
    }

    private static List<GitHubIssueState> OrderIssues(IQueryCollection query, GitHubRepoState repo)
    {
        var stateFilter = query["state"].ToString() is { Length: > 0 } s ? s : "open";
        var since = GitHubResponses.Since(query);
        var labels = query["labels"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var creator = query["creator"].ToString();
        var issues = repo.Issues.FindAll(i =>
            (stateFilter == "all" || i.State == stateFilter)
            && (since is null || i.UpdatedAt >= since)
            && labels.All(l => i.Labels.Contains(l, StringComparer.OrdinalIgnoreCase))
            && (creator.Length == 0 || string.Equals(i.User, creator, StringComparison.OrdinalIgnoreCase)));
        var sign = query["direction"] == "asc" ? 1 : -1;
        Comparison<GitHubIssueState> byKey = query["sort"].ToString() switch
        {
            "updated" => (a, b) => a.UpdatedAt.CompareTo(b.UpdatedAt),
            "comments" => (a, b) => a.Comments.Count.CompareTo(b.Comments.Count),
            _ => (a, b) => a.CreatedAt.CompareTo(b.CreatedAt),
        };
        // Ties broken by number so pages never overlap or skip.
        issues.Sort((a, b) => sign * (byKey(a, b) is var c && c != 0 ? c : a.Number.CompareTo(b.Number)));
        return issues;
    }

    private static ArrayBufferWriter<byte> ListComments(HttpContext ctx, GitHubRepoState repo, GitHubJson json, string listing, Func<IEnumerable<GitHubCommentState>> comments)
    {
        var ordered = Listing(ctx, repo, listing, () => OrderComments(ctx.Request.Query, comments()));
        var page = GitHubResponses.Page(ctx, ordered);
        return GitHubJson.Array(page, (w, c) => json.WriteComment(w, repo, c));
    }

    private static List<GitHubCommentState> OrderComments(IQueryCollection query, IEnumerable<GitHubCommentState> comments)
    {
        var since = GitHubResponses.Since(query);
        var filtered = comments.Where(c => since is null || c.UpdatedAt >= since).ToList();
        // GitHub: ascending by default; direction only counts together with sort.
        var sign = query["direction"] == "desc" && query["sort"].Count > 0 ? -1 : 1;
        var byUpdated = query["sort"] == "updated";
        filtered.Sort((a, b) =>
        {
            var c = byUpdated ? a.UpdatedAt.CompareTo(b.UpdatedAt) : a.CreatedAt.CompareTo(b.CreatedAt);
            return sign * (c != 0 ? c : a.Id.CompareTo(b.Id));
        });
        return filtered;
    }

    /// <summary>
    /// The filtered, sorted listing for this query, computed once per repository change (see GitHubRepoState.Changed)
    /// instead of on every page request. Keyed by everything in the query except the page.
    /// </summary>
    private static List<T> Listing<T>(HttpContext ctx, GitHubRepoState repo, string listing, Func<List<T>> order)
    {
        var key = listing + "?" + string.Join('&', ctx.Request.Query
            .Where(q => q.Key is not ("page" or "per_page"))
            .OrderBy(q => q.Key, StringComparer.Ordinal)
            .Select(q => q.Key + "=" + q.Value.ToString()));
        if (repo.Listings.TryGetValue(key, out var cached) && cached is List<T> hit)
        {
            return hit;
        }

        var fresh = order();
        repo.Listings[key] = fresh;
        return fresh;
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
