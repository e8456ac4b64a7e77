using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using TriageBot.Pipeline;

namespace TriageBot.Scheduling;

/// <summary>
/// The scheduled run: the same pipeline the CLI calls. Never two at once, so cursors and tickets
/// are never written by two runs together; a run that misses its time runs once when it can.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TriageRunJob(TriagePipeline pipeline, IOptions<ScheduleOptions> options, ILogger<TriageRunJob> logger) : IJob
{
    public static readonly JobKey Key = new("triage-run");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RunAsync(new RunRequest(options.Value.OutDir), cancellationToken);
        logger.LogInformation("Scheduled run {RunId}: {Items} items read, {Themes} themes, report in {Dir}",
            outcome.Report.RunId, outcome.Report.Items.Fetched, outcome.Report.Themes.Count, options.Value.OutDir);
    }
}
