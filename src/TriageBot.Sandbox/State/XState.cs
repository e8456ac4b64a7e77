namespace TriageBot.Sandbox;

public sealed class XState
{
    public Dictionary<string, ScenarioXUser> Users { get; } = new(StringComparer.Ordinal);
    /// <summary>Posts sorted by numeric id ascending (ids grow with time, like snowflakes).</summary>
    public List<XPostState> Posts { get; } = [];

    public static int IndexOf(List<XPostState> sorted, long id)
    {
        int lo = 0, hi = sorted.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = sorted[mid].NumericId.CompareTo(id);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }
}

public sealed class XPostState
{
    public required ScenarioXPost Post { get; init; }
    public long NumericId { get; init; }
    public bool IsRepost =>
        Post.Text.StartsWith("RT @", StringComparison.Ordinal)
        || (Post.ReferencedTweets?.Exists(r => r.Type == "retweeted") ?? false);
}
