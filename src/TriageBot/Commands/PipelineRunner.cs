using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TriageBot.Hosting;
using TriageBot.Pipeline;
using TriageBot.Storage;

namespace TriageBot.Commands;

/// <summary>Builds a host, checks its configuration, and runs the pipeline once, with a live view on a terminal.</summary>
internal static class PipelineRunner
{
    public static async Task<RunOutcome> RunOnceAsync(
        string? configFile,
        IReadOnlyDictionary<string, string?>? overrides,
        TimeProvider clock,
        RunRequest request,
        CancellationToken ct)
    {
        var interactive = CommonOptions.Interactive;
        using var host = HostFactory.Build(configFile, overrides, clock, interactive);
        // StartAsync runs the options validators (ValidateOnStart): bad settings stop here, by name.
        await host.StartAsync(ct);
        try
        {
            await using var held = await HoldRunLockAsync(host.Services, ct);
            var pipeline = host.Services.GetRequiredService<TriagePipeline>();
            if (interactive && host.Services.GetRequiredService<IPipelineProgress>() is Terminal.SpectrePipelineProgress live)
                return await live.ShowAsync(() => pipeline.RunAsync(request, ct));
            return await pipeline.RunAsync(request, ct);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// The run lock, for a command that reads cursors or files tickets. On a shared PostgreSQL store a scheduled run on
    /// another node may be on: two at once would read the same cursors and file the same themes, so a command run by hand
    /// waits its turn as the scheduled runs do, and says so.
    /// </summary>
    public static async Task<IAsyncDisposable> HoldRunLockAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<IRunLock>().TryAcquireAsync(ct)
            ?? throw new InvalidOperationException("another run holds the run lock (a scheduled run on another node?); run again when it has finished");

    public static void PrintSummary(RunOutcome outcome, string outDir, TimeSpan wall)
    {
        var r = outcome.Report;
        var tickets = r.Themes.Where(t => t.Ticket is not null).ToList();
        Console.WriteLine($"Run {r.RunId}{(r.Scenario is null ? "" : $" on scenario '{r.Scenario}'")} in {wall.TotalSeconds:0.0} s");
        Console.WriteLine($"  items read:  {r.Items.Fetched} ({string.Join(", ", r.Items.BySource.Select(kv => $"{kv.Key} {kv.Value}"))})");
        Console.WriteLine($"  themes:      {r.Themes.Count} ({r.Items.Noise.Count} items judged noise)");
        Console.WriteLine($"  tickets:     {tickets.Count(t => t.Ticket!.Action == "created")} created, " +
                                 $"{tickets.Count(t => t.Ticket!.Action == "updated")} updated, " +
                                 $"{tickets.Count(t => t.Ticket!.Action == "unchanged")} unchanged");
        Console.WriteLine($"  api calls:   {string.Join(", ", r.ApiCalls.Select(kv => $"{kv.Key} {kv.Value}"))}");
        if (r.Warnings is { Count: > 0 } w)
            Console.WriteLine($"  warnings:    {w.Count} (see report.json)");
        Console.WriteLine($"  output:      {Path.GetFullPath(outDir)}");
    }
}
