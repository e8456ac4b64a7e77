using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using TriageBot.Hosting;
using TriageBot.Pipeline;
using TriageBot.Sandbox;

namespace TriageBot.Commands;

/// <summary>
/// <c>demo</c>: the whole product on a laptop with nothing configured. Starts the sandbox in-process
/// with a scenario, runs the pipeline once on a fresh embedded store, and leaves the run report, the
/// digest and what was filed in Linear in the output folder.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var scenarioOption = new Option<FileInfo?>("--scenario")
        {
            Description = "Scenario file to serve (default: the demo scenario shipped with TriageBot)",
        };
        var outDir = CommonOptions.Out("demo-out");
        var command = new Command("demo", "Run the whole pipeline once against a sandbox seeded with a scenario") { scenarioOption, outDir };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var wall = Stopwatch.StartNew();
            var path = parse.GetValue(scenarioOption)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "scenarios", "demo.json");
            var scenario = SandboxConfiguration.WithDigestChannel(LoadScenario(path));
            var dir = parse.GetValue(outDir)!.FullName;
            Directory.CreateDirectory(dir);
            var database = Path.Combine(dir, "triagebot.db");
            foreach (var f in new[] { database, database + "-wal", database + "-shm" }) File.Delete(f);

            var clock = new ShiftedTimeProvider(scenario.Now);
            await using var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0, clock), ct);
            var settings = SandboxConfiguration.For(sandbox, scenario);
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:ConnectionString"] = $"Data Source={database}";

            var outcome = await PipelineRunner.RunOnceAsync(null, settings, clock, new RunRequest(dir, scenario.Name), ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "linear.json"), StateSnapshot.LinearToJson(sandbox.State).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
            PipelineRunner.PrintSummary(outcome, dir, wall.Elapsed);
            return 0;
        });
        return command;
    }

    internal static Scenario LoadScenario(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"--scenario: file '{path}' does not exist.");
        try
        {
            return ScenarioFile.Load(path);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or FormatException)
        {
            throw new UsageException($"--scenario: '{path}' is not a valid scenario: {ex.Message}");
        }
    }
}
