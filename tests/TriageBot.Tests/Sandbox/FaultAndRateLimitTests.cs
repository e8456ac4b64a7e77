using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.Sandbox;

public class FaultAndRateLimitTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 0, 0, 0, TimeSpan.Zero);

    private static Scenario SlackScenario() => SandboxFixture.WithSlack(SandboxFixture.SlackChannel("C1", "feedback", 40, Start));

    [Fact]
    public async Task An_exact_count_of_Slack_rate_limits_answers_429_with_Retry_After_then_recovers()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SlackScenario());
        sandbox.Faults.Add(new FaultRule(Service: "slack", Kind: FaultKind.RateLimit, Count: 2, Path: "conversations.history", RetryAfterSeconds: 3));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        for (var i = 0; i < 2; i++)
        {
            var limited = await http.GetAsync("conversations.history?channel=C1");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), limited.Headers.RetryAfter!.Delta);
        }
        Assert.True((await http.GetFromJsonAsync<JsonObject>("users.info?user=U01"))!["ok"]!.GetValue<bool>()); // path filter
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("conversations.history?channel=C1")).StatusCode);
        Assert.Equal(2, sandbox.Faults.Injected("slack"));
        Assert.Equal(2, sandbox.RequestLog.Entries.Count(e => e.Fault == FaultKind.RateLimit && e.StatusCode == 429));
    }

    [Fact]
    public async Task Server_errors_and_malformed_bodies_are_injected_by_rule()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SlackScenario());
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        sandbox.Faults.Add(new FaultRule("slack", FaultKind.ServerError, Count: 1, Status: 502));
        Assert.Equal(HttpStatusCode.BadGateway, (await http.GetAsync("conversations.history?channel=C1")).StatusCode);

        sandbox.Faults.Add(new FaultRule("slack", FaultKind.Malformed, Count: 1));
        var malformed = await http.GetAsync("conversations.history?channel=C1");
        Assert.Equal(HttpStatusCode.OK, malformed.StatusCode);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(malformed.Content.ReadAsStringAsync().Result));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("conversations.history?channel=C1")).StatusCode);
    }

    [Fact]
    public async Task A_timeout_fault_holds_the_answer_until_the_client_gives_up()
    {
        var clock = new FakeTimeProvider(SandboxFixture.DefaultNow);
        await using var sandbox = await SandboxFixture.StartAsync(SlackScenario(), clock);
        sandbox.Faults.Add(new FaultRule("slack", FaultKind.Timeout, Count: 1));
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        // The client gives up once the sandbox holds its request, not after a fixed short timeout: on a loaded box such a
        // timeout fired before the request arrived (CI failed on it twice), and the fault then held the next request.
        using var giveUp = new CancellationTokenSource();
        var held = http.GetAsync("conversations.history?channel=C1", giveUp.Token);
        using (var arrived = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
            while (sandbox.Faults.Injected("slack") == 0 && !arrived.IsCancellationRequested)
                await Task.Delay(20, CancellationToken.None);
        Assert.Equal(1, sandbox.Faults.Injected("slack"));
        await Task.Delay(300, CancellationToken.None);
        Assert.False(held.IsCompleted); // no answer while the sandbox clock stands still
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => held);
        using var patient = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("conversations.history?channel=C1")).StatusCode);
        // The held request is logged when the server sees the client go, which can come after the second request's answer:
        // wait for it rather than assume an order.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!sandbox.RequestLog.Entries.Any(e => e.Fault == FaultKind.Timeout) && !wait.IsCancellationRequested)
            await Task.Delay(20, CancellationToken.None);
        var entry = Assert.Single(sandbox.RequestLog.Entries, e => e.Fault == FaultKind.Timeout);
        Assert.DoesNotContain(sandbox.RequestLog.Entries, e => e != entry && e.Fault is not null);
    }

    [Fact]
    public async Task Rate_based_faults_are_reproducible_for_a_seed()
    {
        async Task<string> PatternAsync()
        {
            await using var sandbox = await SandboxFixture.StartAsync(SlackScenario(), configure: o => o.Seed = 42);
            sandbox.Faults.Add(new FaultRule("slack", FaultKind.RateLimit, Rate: 0.3, RetryAfterSeconds: 0));
            using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);
            var codes = new List<int>();
            for (var i = 0; i < 40; i++) codes.Add((int)(await http.GetAsync("users.info?user=U01")).StatusCode);
            return string.Join(",", codes);
        }
        var first = await PatternAsync();
        Assert.Equal(first, await PatternAsync());
        var limited = first.Split(',').Count(c => c == "429");
        Assert.InRange(limited, 5, 20);
    }

    [Fact]
    public async Task Faults_are_added_and_cleared_over_HTTP()
    {
        await using var sandbox = await SandboxFixture.StartAsync(SlackScenario());
        using var admin = SandboxFixture.Client(sandbox.BaseUrl);
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        var added = await admin.PostAsync("_sandbox/faults", new StringContent(
            """[{"service":"slack","kind":"server_error","count":5},{"service":"x","kind":"RateLimit","rate":0.5}]""",
            System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, sandbox.Faults.Rules.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("users.info?user=U01")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("_sandbox/faults")).StatusCode);
        Assert.Empty(sandbox.Faults.Rules);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("users.info?user=U01")).StatusCode);

        var bad = await admin.PostAsync("_sandbox/faults", new StringContent("""{"service":"slack","kind":"boom"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task NonMarketplace_tier_allows_one_history_call_a_minute_and_15_messages_a_page()
    {
        var clock = new FakeTimeProvider(SandboxFixture.DefaultNow);
        await using var sandbox = await SandboxFixture.StartAsync(SlackScenario(), clock, o => o.SlackTier = SlackTier.NonMarketplace);
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        var first = (await http.GetFromJsonAsync<JsonObject>("conversations.history?channel=C1&limit=200"))!;
        Assert.Equal(15, first["messages"]!.AsArray().Count);
        Assert.True(first["has_more"]!.GetValue<bool>());

        clock.Advance(TimeSpan.FromSeconds(20));
        var limited = await http.GetAsync("conversations.history?channel=C1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("users.info?user=U01")).StatusCode); // other methods keep their tier

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("conversations.history?channel=C1")).StatusCode);
    }

    [Fact]
    public async Task Enforced_Tier3_limits_history_to_50_a_minute()
    {
        var clock = new FakeTimeProvider(SandboxFixture.DefaultNow);
        await using var sandbox = await SandboxFixture.StartAsync(SlackScenario(), clock, o => o.EnforceRateLimits = true);
        using var http = SandboxFixture.Client(sandbox.SlackApiUrl, sandbox.Credentials.SlackBotToken);

        for (var i = 0; i < 50; i++) Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("conversations.history?channel=C1&limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync("conversations.history?channel=C1&limit=1")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("conversations.history?channel=C1&limit=1")).StatusCode);
    }
}
