using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Pipeline;
using TriageBot.Scheduling;
using TriageBot.Storage;
using TriageBot.Tests.EndToEnd;

namespace TriageBot.Tests.Scheduling;

/// <summary>The scheduled run through the real host against the sandbox: it runs only while it holds the run lock.</summary>
public sealed class TriageRunJobTests
{
    [Fact]
    public async Task A_firing_while_another_run_holds_the_lock_is_skipped_and_the_next_one_runs()
    {
        await using var demo = await DemoSandbox.StartAsync();
        var (sandbox, dir) = (demo.Sandbox, demo.Dir);
        using var host = demo.BuildHost(new FakeTimeProvider(demo.Scenario.Now));
        var services = host.Services;
        var runLock = services.GetRequiredService<IRunLock>();
        var job = new TriageRunJob(services.GetRequiredService<TriagePipeline>(), runLock,
            Options.Create(new ScheduleOptions { OutDir = Path.Combine(dir, "out") }), NullLogger<TriageRunJob>.Instance);

        await using (var otherRun = await runLock.TryAcquireAsync(CancellationToken.None))
        {
            Assert.NotNull(otherRun);
            await job.Execute(null!, CancellationToken.None);
            Assert.False(File.Exists(Path.Combine(dir, "out", "report.json")), "the job ran while another run held the lock");
            Assert.Empty(sandbox.RequestLog.Entries);
        }

        await job.Execute(null!, CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(dir, "out", "report.json")));
        Assert.NotEmpty(sandbox.RequestLog.Entries);
        // The run let go of the lock when it finished.
        await using var after = await runLock.TryAcquireAsync(CancellationToken.None);
        Assert.NotNull(after);
    }

    [Fact]
    public async Task The_daily_trigger_fires_on_the_hosts_clock()
    {
        // serve's own host on the embedded store, its clock two seconds before a weekday's 07:00: Quartz reads the host's
        // TimeProvider, so the run starts when that clock reaches 07:00 and not before, whatever the machine's clock says.
        await using var demo = await DemoSandbox.StartAsync();
        var dir = demo.Dir;
        var monday = new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);
        Assert.True(monday > demo.Scenario.Now);
        var clock = new FakeTimeProvider(monday.AddSeconds(-2));
        using var host = demo.BuildHost(clock,
            new Dictionary<string, string?> { ["Schedule:Cron"] = "0 0 7 ? * MON-FRI", ["Schedule:OutDir"] = Path.Combine(dir, "out") },
            (services, configuration) => services.AddTriageBotScheduling(configuration));
        var runs = host.Services.GetRequiredService<IRunStore>();
        await host.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), CancellationToken.None);
            Assert.Empty(await runs.GetRecentAsync(1, CancellationToken.None));

            clock.Advance(TimeSpan.FromSeconds(3));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!File.Exists(Path.Combine(dir, "out", "report.json"))) await Task.Delay(100, timeout.Token);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }

        var run = Assert.Single(await runs.GetRecentAsync(5, CancellationToken.None));
        Assert.Equal(monday.AddSeconds(1), run.Started);
    }
}
