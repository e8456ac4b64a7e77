using System.Net;
using System.Text.Json.Nodes;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class SandboxHostTests
{
    [Fact]
    public async Task Dev_small_loads_and_the_state_endpoint_answers()
    {
        var scenario = SandboxFixture.LoadDevSmall();
        Assert.NotEmpty(scenario.Slack!.Channels);
        Assert.NotNull(scenario.Truth);

        await using var sandbox = await SandboxFixture.StartAsync(scenario);
        Assert.Equal("127.0.0.1", sandbox.BaseUrl.Host);
        Assert.EndsWith("/slack/api/", sandbox.SlackApiUrl.AbsoluteUri, StringComparison.Ordinal);

        using var http = SandboxFixture.Client(sandbox.BaseUrl);
        var state = JsonNode.Parse(await http.GetStringAsync("_sandbox/state"))!;
        Assert.Equal(scenario.Linear!.Issues!.Count, state["linear"]!["issues"]!.AsArray().Count);
        Assert.Equal(scenario.GitHub!.Repos.Count, state["github"]!["repos"]!.AsArray().Count);
        Assert.DoesNotContain("truth", state.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(sandbox.State.GitHub.Repos.Sum(r => r.Issues.Count), scenario.GitHub.Repos.Sum(r => r.Issues.Count));
    }

    [Fact]
    public async Task Admin_requests_are_not_logged_and_service_requests_are()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SandboxFixture.Empty());
        using var http = SandboxFixture.Client(sandbox.BaseUrl);
        await http.GetStringAsync("_sandbox/state");
        var response = await http.GetAsync("x/2/tweets/search/recent?query=a");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var entry = Assert.Single(sandbox.RequestLog.Entries);
        Assert.Equal("x", entry.Service);
        Assert.Equal(401, entry.StatusCode);
    }
}
