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
    private HashSet<string>? _words;

    /// <summary>The text's lower-cased words (letters, digits, _, ', and @/# prefixes), computed once.</summary>
    public HashSet<string> Words => _words ??= SplitWords(Post.Text);

    private static HashSet<string> SplitWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var word = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '@' or '#' or '\'');
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                var w = text[start..i].ToLowerInvariant().Trim('\'');
                words.Add(w);
                if (w.EndsWith("'s", StringComparison.Ordinal)) words.Add(w[..^2]);
                start = -1;
            }
        }
        return words;
    }

    public bool IsRepost =>
        Post.Text.StartsWith("RT @", StringComparison.Ordinal)
        || (Post.ReferencedTweets?.Exists(r => r.Type == "retweeted") ?? false);
}
