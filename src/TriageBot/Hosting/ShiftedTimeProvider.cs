namespace TriageBot.Hosting;

/// <summary>
/// A clock that starts at a chosen instant and then runs at real speed: <c>run --now</c> and the
/// demo (whose clock is the scenario's <c>now</c>) see their own "today" while timeouts still work.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start, TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private readonly TimeSpan _shift = start - (inner ?? System).GetUtcNow();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + _shift;
    public override long GetTimestamp() => _inner.GetTimestamp();
    public override long TimestampFrequency => _inner.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, dueTime, period);
}
