namespace TriageBot.Sandbox;

/// <summary>The default sandbox clock: the scenario's <c>now</c> at start, then advancing with real time.</summary>
internal sealed class ScenarioClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startTimestamp = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_startTimestamp);
}
