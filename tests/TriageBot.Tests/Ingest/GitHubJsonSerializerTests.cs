using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Octokit.Internal;
using TriageBot.Ingest.GitHub;
using TriageBot.Sandbox;

namespace TriageBot.Tests.Ingest;

/// <summary>The reader's generated JSON path against Octokit's own SimpleJson, on the sandbox's real answers.</summary>
public class GitHubJsonSerializerTests
{
    [Fact]
    public async Task Issue_and_comment_pages_read_the_same_as_with_Octokits_serializer()
    {
        var (scenario, _) = IngestScenario.Build();
        await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0, TimeProvider = new FakeTimeProvider(IngestScenario.Now) });
        using var http = new HttpClient { BaseAddress = new Uri(sandbox.GitHubApiUrl, "api/v3/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Credentials.GitHubToken);
        http.DefaultRequestHeaders.UserAgent.ParseAdd("TriageBot-tests");
        var issuesJson = await http.GetStringAsync("repos/acme/app/issues?state=all&per_page=100");
        var commentsJson = await http.GetStringAsync("repos/acme/app/issues/comments?per_page=100");
        var oneJson = await http.GetStringAsync("repos/acme/app/issues/2");

        var fast = new GitHubJsonSerializer();
        var octokit = new SimpleJsonSerializer();
        var issues = fast.Deserialize<List<GitHubIssue>>(issuesJson);
        Assert.Equal(Canonical(octokit.Deserialize<List<GitHubIssue>>(issuesJson)), Canonical(issues));
        Assert.Equal(Canonical(octokit.Deserialize<List<GitHubRepoComment>>(commentsJson)), Canonical(fast.Deserialize<List<GitHubRepoComment>>(commentsJson)));
        Assert.Equal(Canonical(octokit.Deserialize<GitHubIssue>(oneJson)), Canonical(fast.Deserialize<GitHubIssue>(oneJson)));

        // The fields the reader uses are really there (not two equal sets of defaults).
        Assert.Equal(6, issues.Count);
        var two = issues.Single(i => i.Number == 2);
        Assert.Equal(("app: problem 2", "Steps for 2", "bob", 2, "bug"), (two.Title, two.Body, two.User?.Login, two.Reactions?.TotalCount, two.Labels!.Single().Name));
        Assert.Equal("https://github.com/acme/app/issues/2", two.HtmlUrl);
        Assert.Equal(IngestScenario.Now.AddDays(-18), two.CreatedAt);
        Assert.NotNull(issues.Single(i => i.Number == 4).PullRequest);
        Assert.Null(two.PullRequest);
    }

    [Fact]
    public void A_body_that_is_not_the_expected_shape_goes_to_Octokit()
    {
        var fast = new GitHubJsonSerializer();
        // A string where a number is expected: the generated reader refuses it, Octokit's converts it.
        var issue = fast.Deserialize<GitHubIssue>("""{"number":"7","title":"t","created_at":"2026-11-20T09:00:00Z"}""");
        Assert.Equal(7, issue.Number);
        Assert.Equal("t", issue.Title);
    }

    private static string Canonical<T>(T value) => JsonSerializer.Serialize(value);
}
