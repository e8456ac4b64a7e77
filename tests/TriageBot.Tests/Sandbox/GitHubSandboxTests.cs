using System.Net;
using System.Net.Http.Headers;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

/// <summary>The sandbox's GitHub REST driven through the real Octokit client.</summary>
public class GitHubSandboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>acme/app: issues 1..9 created a day apart (4 and 8 are pull requests, 6 is closed); comments on 2, 3, 5.</summary>
    private static Scenario RepoScenario()
    {
        var scenario = SandboxFixture.Empty();
        var repo = new ScenarioGitHubRepo { Owner = "acme", Name = "app" };
        for (var n = 1; n <= 9; n++)
        {
            repo.Issues.Add(new ScenarioGitHubIssue
            {
                Number = n, Title = $"Issue {n}", Body = $"Body {n}", User = "bob",
                CreatedAt = Start.AddDays(n), UpdatedAt = Start.AddDays(n).AddHours(1),
                State = n == 6 ? "closed" : "open", Labels = n % 2 == 0 ? ["bug"] : [], Reactions = n,
                IsPullRequest = n is 4 or 8,
            });
        }

        repo.Issues[1].Comments.Add(new ScenarioGitHubComment { Id = 9001, User = "ann", Body = "me too", CreatedAt = Start.AddDays(2).AddHours(3) });
        repo.Issues[2].Comments.Add(new ScenarioGitHubComment { Id = 9002, User = "cy", Body = "same here", CreatedAt = Start.AddDays(10) });
        repo.Issues[4].Comments.Add(new ScenarioGitHubComment { Id = 9003, User = "dee", Body = "+1", CreatedAt = Start.AddDays(12) });
        scenario.GitHub = new ScenarioGitHub { Repos = [repo] };
        return scenario;
    }

    private static GitHubClient Octokit(SandboxHost sandbox, string? token = null) =>
        new(new Octokit.ProductHeaderValue("triagebot"), sandbox.GitHubApiUrl) { Credentials = new Credentials(token ?? sandbox.Credentials.GitHubToken) };

    [Fact]
    public async Task Paging_with_a_small_page_size_returns_every_issue_exactly_once()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var issues = await github.Issue.GetAllForRepository("acme", "app",
            new RepositoryIssueRequest { State = ItemStateFilter.All }, new ApiOptions { PageSize = 2 });

        Assert.Equal(Enumerable.Range(1, 9).Reverse(), issues.Select(i => i.Number)); // created, newest first
        Assert.Equal(5, sandbox.RequestLog.Entries.Count(e => e.Service == "github"));
        Assert.All(sandbox.RequestLog.Entries, e => Assert.StartsWith("/api/v3/repos/acme/app/issues", e.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issues_carry_what_the_ingest_reads()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var issue = await github.Issue.Get("acme", "app", 2);

        Assert.Equal("Issue 2", issue.Title);
        Assert.Equal("Body 2", issue.Body);
        Assert.Equal("bob", issue.User.Login);
        Assert.Equal("https://github.com/acme/app/issues/2", issue.HtmlUrl);
        Assert.Equal(1, issue.Comments);
        Assert.Equal(2, issue.Reactions.TotalCount);
        Assert.Equal("bug", Assert.Single(issue.Labels).Name);
        Assert.Equal(Start.AddDays(2), issue.CreatedAt);
        Assert.Equal(Start.AddDays(2).AddHours(3), issue.UpdatedAt); // its comment's time
        Assert.Null(issue.PullRequest);
        Assert.Equal(ItemState.Open, issue.State.Value);
    }

    [Fact]
    public async Task State_defaults_to_open_and_since_filters_on_updated_time()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var open = await github.Issue.GetAllForRepository("acme", "app");
        var recent = await github.Issue.GetAllForRepository("acme", "app",
            new RepositoryIssueRequest { State = ItemStateFilter.All, Since = Start.AddDays(7).AddHours(1), SortProperty = IssueSort.Updated });

        Assert.DoesNotContain(open, i => i.Number == 6);
        Assert.Equal(8, open.Count);
        // A comment bumps its issue's updated_at, as on GitHub: 5 and 3 were commented on after 9 was opened.
        Assert.Equal([5, 3, 9, 8, 7], recent.Select(i => i.Number));
    }

    [Fact]
    public async Task Pull_requests_appear_as_issues_with_a_pull_request()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var issues = await github.Issue.GetAllForRepository("acme", "app", new RepositoryIssueRequest { State = ItemStateFilter.All });

        Assert.Equal([8, 4], issues.Where(i => i.PullRequest is not null).Select(i => i.Number));
        Assert.Equal("https://github.com/acme/app/pull/8", issues.Single(i => i.Number == 8).PullRequest.HtmlUrl);
    }

    [Fact]
    public async Task Repository_comments_walk_with_since_and_name_their_issue()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var all = await github.Issue.Comment.GetAllForRepository("acme", "app", new IssueCommentRequest(), new ApiOptions { PageSize = 1 });
        var recent = await github.Issue.Comment.GetAllForRepository("acme", "app", new IssueCommentRequest { Since = Start.AddDays(9) });
        var onIssue = await github.Issue.Comment.GetAllForIssue("acme", "app", 3);

        Assert.Equal([9001, 9002, 9003], all.Select(c => c.Id));
        Assert.Equal([9002, 9003], recent.Select(c => c.Id));
        var comment = Assert.Single(onIssue);
        Assert.Equal("same here", comment.Body);
        Assert.Equal("cy", comment.User.Login);
        Assert.Equal("https://github.com/acme/app/issues/3#issuecomment-9002", comment.HtmlUrl);
        Assert.EndsWith("/api/v3/repos/acme/app/issues/comments/9002", comment.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_header_is_formatted_as_github_does()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        using var http = Raw(sandbox);

        var first = await http.GetAsync("repos/acme/app/issues?state=all&per_page=4");
        var middle = await http.GetAsync("repos/acme/app/issues?state=all&per_page=4&page=2");
        var last = await http.GetAsync("repos/acme/app/issues?state=all&per_page=4&page=3");

        var api = new Uri(sandbox.GitHubApiUrl, "repos/acme/app/issues").AbsoluteUri;
        Assert.Equal($"<{api}?state=all&per_page=4&page=2>; rel=\"next\", <{api}?state=all&per_page=4&page=3>; rel=\"last\"",
            first.Headers.GetValues("Link").Single());
        Assert.Equal(
            $"<{api}?state=all&per_page=4&page=1>; rel=\"prev\", <{api}?state=all&per_page=4&page=3>; rel=\"next\", " +
            $"<{api}?state=all&per_page=4&page=3>; rel=\"last\", <{api}?state=all&per_page=4&page=1>; rel=\"first\"",
            middle.Headers.GetValues("Link").Single());
        Assert.Equal($"<{api}?state=all&per_page=4&page=2>; rel=\"prev\", <{api}?state=all&per_page=4&page=1>; rel=\"first\"",
            last.Headers.GetValues("Link").Single());
        Assert.Equal("5000", first.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Equal("core", first.Headers.GetValues("x-ratelimit-resource").Single());
    }

    [Fact]
    public async Task A_matching_etag_gets_304_until_the_data_changes()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        using var http = Raw(sandbox, apiV3: true);

        var first = await http.GetAsync("repos/acme/app/issues/comments");
        var etag = first.Headers.ETag!;
        var again = await Conditional(http, "repos/acme/app/issues/comments", etag);
        sandbox.Append(new Scenario
        {
            Now = sandbox.State.ScenarioNow,
            GitHub = new ScenarioGitHub
            {
                Repos = [new ScenarioGitHubRepo
                {
                    Owner = "acme", Name = "app",
                    Issues = [new ScenarioGitHubIssue { Number = 2, Comments = [new ScenarioGitHubComment { Id = 9100, User = "eve", Body = "new", CreatedAt = Start.AddDays(15) }] }],
                }],
            },
        });
        var changed = await Conditional(http, "repos/acme/app/issues/comments", etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Contains("9100", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Octokit_response_cache_is_answered_with_304()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);
        github.ResponseCache = new InMemoryResponseCache();

        var first = await github.Issue.GetAllForRepository("acme", "app");
        var second = await github.Issue.GetAllForRepository("acme", "app");

        Assert.Equal(first.Select(i => i.Number), second.Select(i => i.Number));
        Assert.Equal([200, 304], sandbox.RequestLog.Entries.Where(e => e.Service == "github").Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Bad_credentials_throw_AuthorizationException()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox, token: "ghp_wrong");

        var error = await Assert.ThrowsAsync<AuthorizationException>(() => github.Issue.Get("acme", "app", 1));

        Assert.Equal("Bad credentials", error.Message);
    }

    [Fact]
    public async Task A_primary_rate_limit_fault_throws_RateLimitExceededException()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        sandbox.Faults.Add(new FaultRule("github", FaultKind.RateLimit, Count: 1, RetryAfterSeconds: 60));
        var github = Octokit(sandbox);

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => github.Issue.GetAllForRepository("acme", "app"));
        var afterwards = await github.Issue.GetAllForRepository("acme", "app");

        Assert.Equal(0, error.Remaining);
        Assert.True(error.Reset > sandbox.Clock.GetUtcNow());
        Assert.Equal(8, afterwards.Count);
    }

    [Fact]
    public async Task A_secondary_rate_limit_fault_is_a_429_with_retry_after()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        sandbox.Faults.Add(new FaultRule("github", FaultKind.RateLimit, Count: 1, Status: 429, RetryAfterSeconds: 7));
        var github = Octokit(sandbox);

        // Octokit 14 maps only a 403 to SecondaryRateLimitExceededException; a 429 surfaces as a plain ApiException
        // (an HTTP-level retry handler sees the Retry-After first).
        var error = await Assert.ThrowsAsync<ApiException>(() => github.Issue.Get("acme", "app", 1));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("secondary rate limit", error.Message, StringComparison.Ordinal);
        Assert.Equal("7", error.HttpResponse.Headers["Retry-After"]);
    }

    [Fact]
    public async Task Unknown_issues_and_repositories_are_404()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        await Assert.ThrowsAsync<NotFoundException>(() => github.Issue.Get("acme", "app", 99));
        await Assert.ThrowsAsync<NotFoundException>(() => github.Repository.Get("acme", "nope"));
        Assert.Equal("main", (await github.Repository.Get("acme", "app")).DefaultBranch);
    }

    [Fact]
    public async Task Rate_limit_endpoint_reports_the_core_quota()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var limits = await github.RateLimit.GetRateLimits();

        Assert.Equal(5000, limits.Resources.Core.Limit);
        Assert.InRange(limits.Resources.Core.Remaining, 4990, 4999);
    }

    [Fact]
    public async Task A_branch_and_a_draft_pull_request_are_stored()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        var github = Octokit(sandbox);

        var main = await github.Git.Reference.Get("acme", "app", "heads/main");
        var branch = await github.Git.Reference.Create("acme", "app", new NewReference("refs/heads/triagebot/fix-typo", main.Object.Sha));
        var pr = await github.PullRequest.Create("acme", "app", new NewPullRequest("Fix typo", "triagebot/fix-typo", "main") { Draft = true, Body = "Fixes the typo." });
        var duplicate = await Assert.ThrowsAsync<ApiValidationException>(() =>
            github.Git.Reference.Create("acme", "app", new NewReference("refs/heads/triagebot/fix-typo", main.Object.Sha)));
        var badHead = await Assert.ThrowsAsync<ApiValidationException>(() =>
            github.PullRequest.Create("acme", "app", new NewPullRequest("x", "no-such-branch", "main")));

        Assert.Equal("refs/heads/triagebot/fix-typo", branch.Ref);
        Assert.Equal(10, pr.Number);
        Assert.True(pr.Draft);
        Assert.Equal("triagebot/fix-typo", pr.Head.Ref);
        Assert.Equal("https://github.com/acme/app/pull/10", pr.HtmlUrl);
        var stored = Assert.Single(sandbox.State.GitHub.FindRepo("acme", "app")!.PullRequests);
        Assert.True(stored.Draft);
        Assert.Equal("main", stored.Base);
        Assert.Contains(sandbox.State.GitHub.FindRepo("acme", "app")!.Refs, r => r.Ref == "refs/heads/triagebot/fix-typo");
        Assert.Equal("Reference already exists", duplicate.Message);
        Assert.NotNull(badHead);
    }

    [Fact]
    public async Task The_api_v3_prefix_and_the_bare_prefix_serve_the_same()
    {
        await using var sandbox = await SandboxFixture.StartAsync(RepoScenario());
        using var bare = Raw(sandbox);
        using var v3 = Raw(sandbox, apiV3: true);

        var a = await bare.GetStringAsync("repos/acme/app/issues/1");
        var b = await v3.GetStringAsync("repos/acme/app/issues/1");

        Assert.Equal(a.Replace("/github/api/v3/", "/github/", StringComparison.Ordinal), b.Replace("/github/api/v3/", "/github/", StringComparison.Ordinal));
    }

    private static HttpClient Raw(SandboxHost sandbox, bool apiV3 = false)
    {
        var http = new HttpClient { BaseAddress = apiV3 ? new Uri(sandbox.GitHubApiUrl, "api/v3/") : sandbox.GitHubApiUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", sandbox.Credentials.GitHubToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("triagebot-test");
        return http;
    }

    private static Task<HttpResponseMessage> Conditional(HttpClient http, string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return http.SendAsync(request);
    }

    private sealed class InMemoryResponseCache : IResponseCache
    {
        private readonly Dictionary<string, CachedResponse.V1> _entries = [];

        public Task<CachedResponse.V1> GetAsync(IRequest request) =>
            Task.FromResult(_entries.GetValueOrDefault(request.Endpoint.ToString())!);

        public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
        {
            _entries[request.Endpoint.ToString()] = cachedResponse;
            return Task.CompletedTask;
        }
    }
}
