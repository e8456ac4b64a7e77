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
    private readonly List<HashSet<string>> _tokens;
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);

    public DistinctiveTerms(IReadOnlyList<string> texts)
    {
        _tokens = texts.Select(Tokens).ToList();
        foreach (var set in _tokens)
            foreach (var t in set) _documentFrequency[t] = _documentFrequency.GetValueOrDefault(t) + 1;
    }

    /// <summary>Up to <paramref name="count"/> terms of the items (indexes into the texts), used by at least two of them.</summary>
    public HashSet<string> Top(IReadOnlyList<int> items, int count)
    {
        var inGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in items)
            foreach (var t in _tokens[i]) inGroup[t] = inGroup.GetValueOrDefault(t) + 1;
        double n = _tokens.Count;
        return inGroup.Where(kv => kv.Value >= 2)
            // A term most of the run uses says nothing about a theme.
            .Where(kv => _documentFrequency[kv.Key] <= n / 4)
            .OrderByDescending(kv => (double)kv.Value / items.Count * Math.Log(n / _documentFrequency[kv.Key]))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(kv => kv.Key)
            .ToHashSet(StringComparer.Ordinal);
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
