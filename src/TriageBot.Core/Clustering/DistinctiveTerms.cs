using System.Text.RegularExpressions;

namespace TriageBot.Clustering;

/// <summary>
/// The terms that set a group of items apart from the rest of a run: tokens (words, error codes such
/// as <c>429</c>, versions such as <c>2.16.0</c>, paths such as <c>c:\users</c>) weighted by the share of
/// the group's items that use them times their inverse document frequency over the run. Reports of one
/// problem in different registers (a Slack field report, a terse post, a GitHub template) rarely read
/// alike as a whole, but they name the same error, command or setting; words the whole product's
/// feedback shares (its name, "error", "the") have a low weight everywhere, so no vocabulary is listed here.
/// </summary>
public sealed partial class DistinctiveTerms
{
    private readonly IReadOnlyList<string> _texts;
    private readonly HashSet<string>?[] _tokens;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    private readonly int _documents;
    private readonly int _sample;
    private readonly int _seed;

    /// <param name="sample">
    /// Above this many texts, document frequencies come from a seeded sample of this size and a group's terms from
    /// at most this many of its items: term weights need proportions, not every one of a hundred thousand texts.
    /// At or below it every text counts, exactly.
    /// </param>
    public DistinctiveTerms(IReadOnlyList<string> texts, int sample = 10_000, int seed = 1)
    {
        _texts = texts;
        _tokens = new HashSet<string>?[texts.Count];
        _sample = sample;
        _seed = seed;
        var counted = Sample(Enumerable.Range(0, texts.Count).ToList(), texts.Count > sample ? sample : texts.Count);
        foreach (var i in counted)
            foreach (var t in TokensOf(i)) _documentFrequency[t] = _documentFrequency.GetValueOrDefault(t) + 1;
        _documents = counted.Count;
    }

    /// <summary>Up to <paramref name="count"/> terms of the items (indexes into the texts), used by at least two of them.</summary>
    public HashSet<string> Top(IReadOnlyList<int> items, int count)
    {
        var members = _texts.Count > _sample ? Sample(items, _sample / 20) : items;
        var inGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in members)
            foreach (var t in TokensOf(i)) inGroup[t] = inGroup.GetValueOrDefault(t) + 1;
        double n = _documents;
        // A term outside the sample is rare: it counts as used once.
        double Frequency(string term) => Math.Max(1, _documentFrequency.GetValueOrDefault(term));
        return inGroup.Where(kv => kv.Value >= 2)
            // A term most of the run uses says nothing about a theme.
            .Where(kv => Frequency(kv.Key) <= n / 4)
            .OrderByDescending(kv => (double)kv.Value / members.Count * Math.Log(n / Frequency(kv.Key)))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(kv => kv.Key)
            .ToHashSet(StringComparer.Ordinal);
    }

    private HashSet<string> TokensOf(int i) => _tokens[i] ??= Tokens(_texts[i]);

    /// <summary>A seeded choice of <paramref name="size"/> of the indexes (all of them, in order, when there are no more).</summary>
    private IReadOnlyList<int> Sample(IReadOnlyList<int> indexes, int size)
    {
        if (indexes.Count <= size) return indexes;
        var shuffled = indexes.ToArray();
        new Random(_seed).Shuffle(shuffled);
        return shuffled[..size];
    }

    /// <summary>Lower-cased tokens of a text; very short words (except numbers such as 404) are too common to tell themes apart.</summary>
    public static HashSet<string> Tokens(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in Token().Matches(text.ToLowerInvariant()))
        {
            var t = m.Value.TrimEnd('.', ':', '-', '/', '\\');
            if (t.Length >= 4 || (t.Length >= 3 && t.Any(char.IsDigit))) set.Add(t);
        }
        return set;
    }

    [GeneratedRegex(@"[\p{L}\p{N}_][\p{L}\p{N}_.\-:\\/]*")]
    private static partial Regex Token();
}
