using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using TriageBot.Pipeline;
using TriageBot.Storage;

namespace TriageBot.Scheduling;

/// <summary>
/// The scheduled run: the same pipeline the CLI calls. Never two at once, so cursors and tickets are never written by
/// two runs together: not in one process (<c>DisallowConcurrentExecution</c>) and not across the nodes that share a
/// PostgreSQL store, where Quartz's clustered store fires each run on one node (<see cref="ClusteredJobStore"/>) and
/// <see cref="IRunLock"/> keeps it apart from a run started by hand. A run that misses its time runs once when it can.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TriageRunJob(TriagePipeline pipeline, IRunLock runLock, IOptions<ScheduleOptions> options, ILogger<TriageRunJob> logger) : IJob
{
    public static readonly JobKey Key = new("triage-run");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var held = await runLock.TryAcquireAsync(cancellationToken);
        if (held is null)
        {
            logger.LogInformation("Another node holds the run lock and is running the pipeline; this firing is skipped");
            return;
        }
        var outcome = await pipeline.RunAsync(new RunRequest(options.Value.OutDir), cancellationToken);
        logger.LogInformation("Scheduled run {RunId}: {Items} items read, {Themes} themes, report in {Dir}",
            outcome.Report.RunId, outcome.Report.Items.Fetched, outcome.Report.Themes.Count, options.Value.OutDir);
    }
}
