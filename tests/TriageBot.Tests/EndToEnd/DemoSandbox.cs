using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriageBot.Hosting;
using TriageBot.Reports;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// The repository's demo scenario (with a digest channel) served by a sandbox, a temporary folder and a `run` config
/// against both, with the store in that folder (<see cref="CliRunner.WriteRunConfigAsync"/>): what an end-to-end test
/// of the command line starts from. Each instance loads the scenario afresh, so no sandbox state leaks between tests.
/// </summary>
internal sealed record DemoSandbox(SandboxHost Sandbox, Scenario Scenario, string Dir, string Config) : IAsyncDisposable
{
    public static async Task<DemoSandbox> StartAsync(Action<Dictionary<string, string?>>? adjust = null)
    {
        var scenario = SandboxConfiguration.WithDigestChannel(ScenarioFile.Load(Path.Combine(SandboxFixture.RepoRoot, "scenarios", "demo.json")));
        var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None);
        var dir = CliRunner.TempDir();
        return new DemoSandbox(sandbox, scenario, dir, await CliRunner.WriteRunConfigAsync(sandbox, scenario, dir, adjust));
    }

    /// <summary>`run` into <c>Dir/name</c> at <paramref name="now"/> (the scenario's time by default), which must succeed; its report.</summary>
    public async Task<RunReport> RunAsync(string name, DateTimeOffset? now = null)
    {
        var (exit, stdout, stderr) = await TryRunAsync(name, now);
        Assert.True(exit == 0, stderr + stdout);
        return RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(Dir, name, "report.json")));
    }

    /// <summary>`run` into <c>Dir/name</c>, whatever its outcome.</summary>
    public Task<(int Exit, string Out, string Err)> TryRunAsync(string name, DateTimeOffset? now = null) =>
        CliRunner.RunAsync("run", "--config", Config, "--now", (now ?? Scenario.Now).ToString("O"), "--out", Path.Combine(Dir, name));

    /// <summary>
    /// The product's own host on <see cref="Config"/> (the store in <see cref="Dir"/>) with <paramref name="clock"/>:
    /// for tests that drive the pipeline or the scheduler in process rather than through the command line.
    /// </summary>
    public IHost BuildHost(TimeProvider clock, IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection, IConfiguration>? extra = null) =>
        HostFactory.Build(Config, overrides, clock, interactiveProgress: false, extra);

    public ValueTask DisposeAsync() => Sandbox.DisposeAsync();
}
