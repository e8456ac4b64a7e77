using System.Globalization;

namespace TriageBot.Ingest.Slack;

/// <summary>Slack message timestamps ("1763370000.000100"): ordered as numbers, not strings.</summary>
internal static class SlackTs
{
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        return decimal.Parse(a, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(b, CultureInfo.InvariantCulture));
    }

    public static string? Max(string? a, string? b) => Compare(a, b) >= 0 ? a : b;
    public static string? Min(string? a, string? b) => a is null || b is null ? null : Compare(a, b) <= 0 ? a : b;

    public static DateTimeOffset ToTime(string ts) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(decimal.Parse(ts, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond));

    public static string FromTime(DateTimeOffset t) =>
        ((decimal)(t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerSecond).ToString("0.000000", CultureInfo.InvariantCulture);
}

/// <summary>What we know of one thread: the newest reply we read and a hash of the parent's raw text.</summary>
internal sealed record SlackThreadMark(string? R, string H);

/// <summary>A history walk cut short by the budget: resumed next run below <see cref="Latest"/>.</summary>
internal sealed record SlackWalk(string? Oldest, string? Latest, string? Newest);

/// <summary>A channel's cursor (stored as JSON under "slack"/"C01:history").</summary>
internal sealed class SlackChannelState
{
    /// <summary>The newest top-level message of the last completed walk.</summary>
    public string? Watermark { get; set; }
    public SlackWalk? Walk { get; set; }

    /// <summary>When the last history walk finished: under a tight budget the least recently walked channel goes first.</summary>
    public DateTimeOffset? LastWalked { get; set; }
    public Dictionary<string, SlackThreadMark> Threads { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Threads whose replies must be (re)read: new threads, or latest_reply moved.</summary>
    public List<string> Pending { get; set; } = [];
}

/// <summary>The channel state's JSON, generated (saved after every history page and thread batch; same text as reflection).</summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(SlackChannelState))]
internal sealed partial class SlackStateJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
