using System.Text.RegularExpressions;
using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Which items of a run name another item of the run: a Slack message that links the GitHub issue
/// ("issue: https://github.com/acme/app/issues/12", "acme/app#12", "app#12"), a reply that quotes an X post's
/// or a Slack thread's link. The person who wrote the link said the two are one problem, which is
/// better evidence than any similarity of their words.
/// </summary>
public static partial class ItemReferences
{
    /// <returns>Pairs of indexes into <paramref name="items"/>: (the item that links, the item it links to).</returns>
    public static List<(int From, int To)> Find(IReadOnlyList<FeedbackItem> items)
    {
        var byKey = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        // "app#12" is only an address when one repository of the run is called "app".
        var reposNamed = items.Where(i => i.Source == FeedbackSource.GitHub).Select(i => i.Location)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .CountBy(RepositoryName, StringComparer.OrdinalIgnoreCase).ToDictionary(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            if (Normalize(items[i].Url) is { Length: > 0 } url) byKey.TryAdd(url, i);
            if (items[i].Source == FeedbackSource.GitHub && GitHubNumber(items[i].Id) is { } number)
            {
                byKey.TryAdd($"{items[i].Location}#{number}", i);
                var name = RepositoryName(items[i].Location);
                if (reposNamed[name] == 1) byKey.TryAdd($"{name}#{number}", i);
            }
        }
        var pairs = new HashSet<(int, int)>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string[] parts = [item.Title, item.RawBody.Length > 0 ? item.RawBody : item.Body, .. item.Replies.Select(r => r.Text)];
            // Most feedback links nothing; the regexes only read text that could.
            if (!parts.Any(p => p.Contains('#') || p.Contains("://", StringComparison.Ordinal))) continue;
            var text = string.Join("\n", parts);
            foreach (Match m in Link().Matches(text))
                if (byKey.TryGetValue(Normalize(m.Value), out var j) && j != i) pairs.Add((i, j));
            foreach (Match m in ShortReference().Matches(text))
                if (byKey.TryGetValue(m.Value, out var j) && j != i) pairs.Add((i, j));
        }
        return [.. pairs];
    }

    private static string RepositoryName(string location) => location[(location.IndexOf('/') + 1)..];

    private static string? GitHubNumber(string id) => id.LastIndexOf('#') is var at and >= 0 ? id[(at + 1)..] : null;

    /// <summary>Scheme, "www.", a trailing slash and query dropped, so the link a person pasted meets the item's own URL.</summary>
    private static string Normalize(string url)
    {
        var u = url.Trim().TrimEnd('.', ',', ')', '>');
        var q = u.IndexOfAny(['?', '#']);
        if (q >= 0) u = u[..q];
        u = SchemePrefix().Replace(u, "");
        u = u.TrimEnd('/').Replace("twitter.com/", "x.com/", StringComparison.OrdinalIgnoreCase);
        // A post's link names its author, who may have been renamed since: the post id alone is the address.
        return XStatus().Replace(u, "x.com/status/$1");
    }

    [GeneratedRegex(@"^x\.com/[^/]+/status/(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex XStatus();

    [GeneratedRegex(@"https?://[^\s|<>()\[\]""']+")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w/.-])[\w.-]+(/[\w.-]+)?#\d+\b")]
    private static partial Regex ShortReference();

    [GeneratedRegex(@"^(https?://)?(www\.)?", RegexOptions.IgnoreCase)]
    private static partial Regex SchemePrefix();
}

/// <summary>
/// What the links between items of a run change: noise that a theme's item names (or that names one) joins
/// that theme, and an item that links an item of another theme moves to it. The item linked to is the one
/// that describes the problem (the GitHub issue); the one that links is a pointer ("there's a GH issue for it")
/// whose own words may have placed it near a neighbouring problem. Themes themselves are never merged by a
/// link: one misplaced pointer would pull a whole theme along.
/// </summary>
internal static class ReferencedItems
{
    /// <param name="links">From <see cref="ItemReferences.Find"/>.</param>
    /// <param name="themeOf">Per item, its theme (an index) or -1; updated as items move.</param>
    /// <param name="canMove">Whether an item may change theme (placed in this run, not by an earlier run or a person).</param>
    /// <returns>Items to put in a theme (taking them out of the one they are in, if any).</returns>
    public static List<(int Item, int Theme)> Resolve(IReadOnlyList<(int From, int To)> links, int[] themeOf, Func<int, bool> canMove)
    {
        var moves = new List<(int, int)>();
        foreach (var (from, to) in links)
        {
            int a = themeOf[from], b = themeOf[to];
            if (a == b) continue;
            var (item, theme) = b >= 0 && canMove(from) ? (from, b) : a >= 0 && b < 0 && canMove(to) ? (to, a) : (-1, -1);
            if (item < 0) continue;
            themeOf[item] = theme;
            moves.Add((item, theme));
        }
        return moves;
    }
}
