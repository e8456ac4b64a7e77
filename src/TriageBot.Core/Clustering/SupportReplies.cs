using System.Text.RegularExpressions;
using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Posts that answer users rather than report anything: an account that, within one run, replies to at least
/// three different people with the same few sentences ("Sorry about that! Could you DM us your version?") is a
/// brand's support account or a bot. One such reply passes for feedback; thirty of them make a theme of their own.
/// A person who replies to several others about several problems writes different words each time, so is kept.
/// </summary>
public static partial class SupportReplies
{
    /// <returns>Indexes into <paramref name="items"/> of the replies that are support replies.</returns>
    public static HashSet<int> Find(IReadOnlyList<FeedbackItem> items, int minPeople = 3, double sameWords = 0.6)
    {
        var found = new HashSet<int>();
        var replies = Enumerable.Range(0, items.Count)
            .Where(i => items[i].Source == FeedbackSource.X && items[i].Author.Length > 0 && LeadingMention().IsMatch(items[i].Body))
            .GroupBy(i => items[i].Author, StringComparer.OrdinalIgnoreCase);
        foreach (var byAuthor in replies)
        {
            var posts = byAuthor.ToList();
            var people = posts.Select(i => LeadingMention().Match(items[i].Body).Value.ToLowerInvariant()).Distinct().Count();
            if (people < minPeople) continue;
            var words = posts.Select(i => Words(LeadingMention().Replace(items[i].Body, ""))).ToList();
            // Templated: most replies share most of their words with another reply of the same account.
            var templated = Enumerable.Range(0, posts.Count).Count(a =>
                Enumerable.Range(0, posts.Count).Any(b => b != a && Jaccard(words[a], words[b]) >= sameWords));
            if (templated >= minPeople && templated * 2 > posts.Count) found.UnionWith(posts);
        }
        return found;
    }

    private static HashSet<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    [GeneratedRegex(@"^\s*(@\w+\s*)+")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
