using Microsoft.Extensions.Time.Testing;
using TriageBot.Ingest.Slack;
using TriageBot.Sandbox;
using static TriageBot.Tests.Ingest.IngestHarness;

namespace TriageBot.Tests.Ingest;

/// <summary>User names, looked up once per user however many channel readers meet the user at once.</summary>
public sealed class SlackDirectoryTests
{
    [Fact]
    public async Task Readers_that_meet_the_same_new_users_at_once_ask_users_info_once_per_user()
    {
        var (scenario, _) = IngestScenario.Build();
        var clock = new FakeTimeProvider(IngestScenario.Now);
        await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0, TimeProvider = clock });
        using var harness = new IngestHarness(sandbox, clock, Settings(("Slack:Enabled", true), ("Slack:Budget:Preset", "Unlimited")));
        var directory = harness.Get<SlackDirectory>();

        var resolved = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => directory.ResolveUsersAsync(["U01", "U02"], CancellationToken.None))));

        Assert.All(resolved, Assert.True);
        Assert.Equal("maya", directory.UserName("U01"));
        Assert.Equal(2, sandbox.RequestLog.Entries.Count(e => e.Service == "slack" && e.Operation == "users.info"));
        // Known from now on: asked again, nothing is requested.
        Assert.True(await directory.ResolveUsersAsync(["U02", "U01"], CancellationToken.None));
        Assert.Equal(2, sandbox.RequestLog.Entries.Count(e => e.Service == "slack" && e.Operation == "users.info"));
    }
}
