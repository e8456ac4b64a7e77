using System.Text.Json;
using System.Text.Json.Nodes;

namespace TriageBot.Sandbox;

/// <summary>The writes fix dispatch needs: create a branch ref, open a (draft) pull request. Stored in SandboxState.GitHub.</summary>
internal static class GitHubWrites
{
    private const string RefsDocs = "https://docs.github.com/rest/git/refs#create-a-reference";
    private const string PullsDocs = "https://docs.github.com/rest/pulls/pulls#create-a-pull-request";

    public static async Task CreateRefAsync(HttpContext ctx, SandboxState state, string owner, string name)
    {
        var body = await ReadAsync(ctx);
        var reference = Text(body, "ref");
        var sha = Text(body, "sha");
        if (reference is null || sha is null || !reference.StartsWith("refs/", StringComparison.Ordinal) || reference.Count(c => c == '/') < 2)
        {
            await GitHubResponses.ErrorAsync(ctx, 422, "Invalid request.\n\n\"ref\" and \"sha\" are required; ref must start with refs/ and have two slashes.", RefsDocs);
            return;
        }

        JsonObject? created = null;
        var exists = false;
        lock (state.Sync)
        {
            var repo = state.GitHub.FindRepo(owner, name);
            if (repo is not null)
            {
                exists = repo.Refs.Exists(r => r.Ref == reference);
                if (!exists)
                {
                    var stored = new GitHubRefState { Ref = reference, Sha = sha, CreatedAt = state.Clock.GetUtcNow() };
                    repo.Refs.Add(stored);
                    created = new GitHubJson(GitHubResponses.ApiBase(ctx)).Ref(repo, stored);
                }
            }
        }

        if (exists)
        {
            await GitHubResponses.ErrorAsync(ctx, 422, "Reference already exists", RefsDocs);
        }
        else if (created is null)
        {
            await GitHubResponses.NotFoundAsync(ctx);
        }
        else
        {
            await GitHubResponses.WriteAsync(ctx, created, StatusCodes.Status201Created);
        }
    }

    public static async Task CreatePullRequestAsync(HttpContext ctx, SandboxState state, string owner, string name)
    {
        var body = await ReadAsync(ctx);
        var title = Text(body, "title");
        var head = Text(body, "head");
        var baseBranch = Text(body, "base");
        if (string.IsNullOrWhiteSpace(title) || head is null || baseBranch is null)
        {
            await GitHubResponses.ErrorAsync(ctx, 422, "Validation Failed", PullsDocs, Invalid("title/head/base", "missing_field"));
            return;
        }

        // "owner:branch" names a branch in a fork; the sandbox has only the repository itself.
        var headBranch = head.Contains(':', StringComparison.Ordinal) ? head[(head.IndexOf(':', StringComparison.Ordinal) + 1)..] : head;
        JsonObject? created = null;
        string? invalidField = null;
        lock (state.Sync)
        {
            var repo = state.GitHub.FindRepo(owner, name);
            if (repo is not null)
            {
                if (!repo.Refs.Exists(r => r.Ref == "refs/heads/" + headBranch))
                {
                    invalidField = "head";
                }
                else if (!repo.Refs.Exists(r => r.Ref == "refs/heads/" + baseBranch))
                {
                    invalidField = "base";
                }
                else
                {
                    var now = state.Clock.GetUtcNow();
                    var number = repo.Issues.Select(i => i.Number).Concat(repo.PullRequests.Select(p => p.Number)).DefaultIfEmpty(0).Max() + 1;
                    var pr = new GitHubPullRequestState
                    {
                        Number = number, Title = title, Body = Text(body, "body"), Head = headBranch, Base = baseBranch,
                        Draft = body?["draft"] is JsonValue d && d.TryGetValue(out bool draft) && draft, CreatedAt = now,
                    };
                    repo.PullRequests.Add(pr);
                    // Every pull request is an issue too, as on GitHub (the ingest skips it by its pull_request field).
                    repo.Issues.Add(new GitHubIssueState
                    {
                        Number = number, Title = title, Body = pr.Body, User = pr.User, CreatedAt = now, UpdatedAt = now, IsPullRequest = true,
                    });
                    repo.Changed();
                    created = new GitHubJson(GitHubResponses.ApiBase(ctx)).PullRequest(repo, pr);
                }
            }
        }

        if (invalidField is not null)
        {
            await GitHubResponses.ErrorAsync(ctx, 422, "Validation Failed", PullsDocs, Invalid(invalidField, "invalid"));
        }
        else if (created is null)
        {
            await GitHubResponses.NotFoundAsync(ctx);
        }
        else
        {
            await GitHubResponses.WriteAsync(ctx, created, StatusCodes.Status201Created);
        }
    }

    private static JsonArray Invalid(string field, string code) =>
        [new JsonObject { ["resource"] = "PullRequest", ["field"] = field, ["code"] = code }];

    private static async Task<JsonObject?> ReadAsync(HttpContext ctx)
    {
        try
        {
            return await JsonNode.ParseAsync(ctx.Request.Body, cancellationToken: ctx.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? body, string name) =>
        body?[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;
}
