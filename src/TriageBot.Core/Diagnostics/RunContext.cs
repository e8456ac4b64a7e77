namespace TriageBot.Diagnostics;

/// <summary>
/// The id of the run in progress, for audit entries written deep inside stages. The pipeline sets
/// it when a run starts; outside a run (e.g. <c>tickets approve</c>) it reads "manual".
/// </summary>
public sealed class RunContext
{
    public string RunId { get; set; } = "manual";
}
