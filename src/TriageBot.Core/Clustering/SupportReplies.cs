using System.Text.RegularExpressions;
using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Posts that answer users rather than report anything: an account that, within one run, replies to at least
/// three different people with the same few sentences ("Sorry about that! Could you DM us your version?") is a
/// brand's support account or a bot. One such reply passes for feedback; thirty of them make a theme of their own.
/// A person who replies to several others about several problems writes different words each time, so is kept.
/// Posts of the product's own accounts are answers or announcements too, however few (<see cref="OwnAccounts"/>).
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
        var own = OwnAccounts(items);
        found.UnionWith(Enumerable.Range(0, items.Count).Where(i => items[i].Source == FeedbackSource.X && own.Contains(Handle(items[i].Author))));
        return found;
    }

    /// <summary>
    /// The product's own accounts on X, lower-case and without underscores: the handle the most people address names
    /// the product (@cinderdev, @trailheadapp: "cinder", "trailhead"), and an account named after the product with
    /// nothing or a role word after it (CinderSupport, trailhead_help, CinderStatus) speaks for the company.
    /// A customer's handle that merely contains the name ("cinderfan", "kaitrails") is not one.
    /// </summary>
    public static HashSet<string> OwnAccounts(IReadOnlyList<FeedbackItem> items, int minPeople = 3)
    {
        var addressedBy = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.Source == FeedbackSource.X && i.Author.Length > 0))
        {
            var author = Handle(item.Author);
            foreach (Match m in Mention().Matches(item.Body))
            {
                var handle = Handle(m.Groups[1].Value);
                if (handle == author) continue;
                if (!addressedBy.TryGetValue(handle, out var people)) addressedBy[handle] = people = new HashSet<string>(StringComparer.Ordinal);
                people.Add(author);
            }
        }
        var brand = addressedBy.Where(kv => kv.Value.Count >= minPeople).OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).FirstOrDefault();
        if (brand is null) return [];
        var product = Stem(brand) ?? brand;
        // A brand may tag its main handle in a way no list knows ("castwavefm"): a role account whose stem starts it, but
        // for a tag of a few letters, is the brand's too ("castwavehelp").
        bool Owned(string h) =>
            h == brand
            || (h.StartsWith(product, StringComparison.Ordinal) && (h.Length == product.Length || RoleWords.Contains(h[product.Length..])))
            || (Stem(h) is { } stem && brand.StartsWith(stem, StringComparison.Ordinal) && brand.Length - stem.Length <= MaxBrandTag);
        return items.Where(i => i.Source == FeedbackSource.X && i.Author.Length > 0).Select(i => Handle(i.Author))
            .Where(Owned).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A handle without its role word ("castwavehelp": "castwave"), at least <see cref="MinProductName"/> letters long; null when it has none.</summary>
    private static string? Stem(string handle) => RoleWords.Where(w => handle.Length - w.Length >= MinProductName && handle.EndsWith(w, StringComparison.Ordinal))
        .Select(w => handle[..^w.Length]).FirstOrDefault();

    private const int MinProductName = 4;

    /// <summary>The most letters a brand's handle may carry after the product's name ("fm", "hq", "app").</summary>
    private const int MaxBrandTag = 3;

    // What companies append to a product's name for its accounts; the longest first, so "support" is not read as "t".
    private static readonly string[] RoleWords =
        ["official", "support", "status", "updates", "cares", "help", "team", "care", "news", "devs", "app", "dev", "eng", "ops", "hq", "io"];

    internal static string Handle(string username) => username.ToLowerInvariant().Replace("_", "", StringComparison.Ordinal);

    private static HashSet<string> Words(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    [GeneratedRegex(@"@(\w{2,})")]
    private static partial Regex Mention();

    [GeneratedRegex(@"^\s*(@\w+\s*)+")]
    private static partial Regex LeadingMention();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
