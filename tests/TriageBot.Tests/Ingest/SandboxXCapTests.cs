using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Hosting;
using TriageBot.Sandbox;

namespace TriageBot.Tests.Ingest;

/// <summary>
/// X bills every post read, so a real deployment caps posts per run (1,000 by default) and reads the rest next run. The
/// sandbox bills nothing, and its settings (the demo's, `sandbox --write-config`'s) lift the caps: a demo is one run.
/// </summary>
public class SandboxXCapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true, 1200, true)]
    // Without the sandbox's settings the default cap holds: the newest 1,000 now, the rest next run.
    [InlineData(false, 1000, false)]
    public async Task The_sandbox_settings_read_every_post_of_a_large_scenario_in_one_run(bool sandboxCaps, int read, bool complete)
    {
        var scenario = new Scenario { Name = "acme", Now = Now, X = new ScenarioX { Users = [new ScenarioXUser { Id = "100", Username = "carol_dev", Name = "Carol" }] } };
        for (var i = 0; i < 1200; i++)
        {
            var id = (1_900_000_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            scenario.X.Posts.Add(new ScenarioXPost { Id = id, AuthorId = "100", Text = $"acme export fails again {i}", CreatedAt = Now.AddMinutes(-1200 + i), Lang = "en", ConversationId = id });
        }
        var clock = new FakeTimeProvider(Now);
        await using var sandbox = await SandboxHost.StartAsync(scenario, new SandboxOptions { Port = 0, TimeProvider = clock });
        var settings = SandboxConfiguration.For(sandbox, scenario);
        if (!sandboxCaps)
        {
            settings.Remove("X:MaxPostsPerRun");
            settings.Remove("X:MaxPostsPerDay");
        }
        using var harness = new IngestHarness(sandbox, clock, settings);

        var results = await harness.RunAsync();

        Assert.Equal(read, harness.Stores.Upserts.Count(u => u.Id.StartsWith("x:", StringComparison.Ordinal)));
        Assert.Equal(complete, results["X"].Complete);
    }
}
