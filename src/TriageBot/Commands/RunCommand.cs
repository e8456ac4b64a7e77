using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using TriageBot.Hosting;
using TriageBot.Pipeline;

namespace TriageBot.Commands;

/// <summary><c>run</c>: one pipeline run against the configured services with the persistent store.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var now = new Option<string?>("--now") { Description = "Run as if the time were this ISO 8601 instant (e.g. 2026-11-20T09:00:00Z)" };
        var outDir = CommonOptions.Out("out");
        var command = new Command("run", "Run the pipeline once against the configured services") { config, now, outDir };
        command.SetGuardedAction(async (parse, ct) =>
        {
            TimeProvider clock = TimeProvider.System;
            if (parse.GetValue(now) is { } nowText)
            {
                if (!DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
                    throw new UsageException($"--now: '{nowText}' is not an ISO 8601 time, e.g. 2026-11-20T09:00:00Z.");
                clock = new ShiftedTimeProvider(at.ToUniversalTime());
            }
            var dir = parse.GetValue(outDir)!.FullName;
            var wall = Stopwatch.StartNew();
            var outcome = await PipelineRunner.RunOnceAsync(parse.GetValue(config)?.FullName, null, clock, new RunRequest(dir), ct);
            PipelineRunner.PrintSummary(outcome, dir, wall.Elapsed);
            return 0;
        });
        return command;
    }
}
