using System.Globalization;

namespace TriageBot.Sandbox;

public sealed class SlackState(string workspace)
{
    public string Workspace { get; set; } = workspace;
    public Dictionary<string, ScenarioSlackUser> Users { get; } = new(StringComparer.Ordinal);
    public List<SlackChannelState> Channels { get; } = [];
    /// <summary>Messages written through chat.postMessage, in order, as chat.update last left them.</summary>
    public List<SlackPost> Posts { get; } = [];
    /// <summary>Makes ts of posted messages unique within one second.</summary>
    public int PostSequence { get; set; }

    public SlackChannelState? FindChannel(string idOrName)
    {
        var name = idOrName.TrimStart('#');
        return Channels.Find(c => c.Id == idOrName) ?? Channels.Find(c => c.Name == name);
    }

    public string Permalink(string channelId, string ts) =>
        $"https://{Workspace}.slack.com/archives/{channelId}/p{ts.Replace(".", "", StringComparison.Ordinal)}";
}

public sealed class SlackChannelState
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsMember { get; set; } = true;
    public bool IsPrivate { get; set; }
    public long Created { get; set; }
    /// <summary>Top-level messages, sorted by ts ascending (binary search for oldest/latest windows).</summary>
    public List<SlackMessage> Messages { get; } = [];

    public SlackMessage? Find(string ts)
    {
        var i = SlackMessage.IndexOf(Messages, SlackTs.Parse(ts));
        return i >= 0 ? Messages[i] : null;
    }
}

public sealed class SlackMessage
{
    public string Ts { get; set; } = "";
    public decimal Key { get; set; }
    public string? User { get; set; }
    public string? BotId { get; set; }
    public string Text { get; set; } = "";
    public string? Subtype { get; set; }
    public int Reactions { get; set; }
    public string? ThreadTs { get; set; }
    /// <summary>Replies sorted by ts ascending; empty for a message without a thread.</summary>
    public List<SlackMessage> Replies { get; } = [];
    public string? LatestReply => Replies.Count > 0 ? Replies[^1].Ts : null;

    public static int IndexOf(List<SlackMessage> sorted, decimal key)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = sorted[mid].Key.CompareTo(key);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    /// <summary>Index of the first message whose key is ≥ <paramref name="key"/> (or > when not inclusive).</summary>
    public static int LowerBound(List<SlackMessage> sorted, decimal key, bool inclusive)
    {
        var i = IndexOf(sorted, key);
        return i >= 0 ? (inclusive ? i : i + 1) : ~i;
    }

    /// <summary>Index one past the last message whose key is ≤ <paramref name="key"/> (or &lt; when not inclusive).</summary>
    public static int UpperBound(List<SlackMessage> sorted, decimal key, bool inclusive)
    {
        var i = IndexOf(sorted, key);
        return i >= 0 ? (inclusive ? i + 1 : i) : ~i;
    }

    /// <summary>Inserts in ts order; a message with an existing ts replaces nothing and returns false.</summary>
    public static bool Insert(List<SlackMessage> sorted, SlackMessage message)
    {
        var i = IndexOf(sorted, message.Key);
        if (i >= 0) return false;
        sorted.Insert(~i, message);
        return true;
    }
}

/// <summary>A message the bot posted, as it reads now; <see cref="EditedAt"/> is set once chat.update changed it.</summary>
public sealed record SlackPost(string Channel, string Ts, string Text, string? BlocksJson, string? ThreadTs, DateTimeOffset PostedAt)
{
    public DateTimeOffset? EditedAt { get; init; }
}

public static class SlackTs
{
    public static decimal Parse(string ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : -1m;

    public static bool TryParse(string? ts, out decimal key)
    {
        key = 0;
        return !string.IsNullOrEmpty(ts) && decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out key);
    }

    public static string From(DateTimeOffset time, int sequence) =>
        $"{time.ToUnixTimeSeconds()}.{(time.Ticks / 10 % 1_000_000 + sequence) % 1_000_000:D6}";

    public static DateTimeOffset ToTime(string ts) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)(Parse(ts) * 1000m));
}
