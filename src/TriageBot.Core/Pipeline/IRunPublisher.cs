namespace TriageBot.Pipeline;

/// <summary>
/// Something that tells people about a finished run: the digest pages, the Slack post. Runs in the
/// pipeline's "digest" stage; a failing publisher is logged and reported, never fails the run.
/// </summary>
public interface IRunPublisher
{
    string Name { get; }
    Task PublishAsync(RunOutcome outcome, string outDir, CancellationToken ct);
}
