using Microsoft.Extensions.Logging;

namespace TriageBot.Pipeline;

/// <summary>Where a run tells a person what it is doing: a live view on a terminal, log lines otherwise.</summary>
public interface IPipelineProgress
{
    void StageStarted(string stage, int? total = null);
    void Advanced(string stage, int done);
    void StageFinished(string stage, string summary);
}

/// <summary>Progress as log lines, for redirected output and scheduled runs.</summary>
public sealed class LoggingPipelineProgress(ILogger<LoggingPipelineProgress> logger) : IPipelineProgress
{
    public void StageStarted(string stage, int? total = null) =>
        logger.LogInformation("{Stage}: started{Total}", stage, total is null ? "" : $" ({total} to do)");

    public void Advanced(string stage, int done) { }

    public void StageFinished(string stage, string summary) =>
        logger.LogInformation("{Stage}: {Summary}", stage, summary);
}
