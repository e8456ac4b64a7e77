using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;

/// <summary>
/// `own-accounts FILES`: which X accounts <see cref="SupportReplies.OwnAccounts"/> reads as the product's own in each
/// scenario, and how the posts it therefore keeps out of themes fall on the truth (theme report or noise).
/// </summary>
internal static class OwnAccountPosts
{
    public static void Run(string[] files)
    {
        int noise = 0, reports = 0;
        foreach (var file in files)
        {
            var items = ScenarioItems.Load(file);
            var labels = ScenarioTruth.Load(file).Labels();
            var own = SupportReplies.OwnAccounts(items);
            var posts = items.Where(i => i.Source == FeedbackSource.X && own.Contains(SupportReplies.Handle(i.Author))).ToList();
            var asReports = posts.Where(p => labels.GetValueOrDefault(p.Id, "noise") != "noise").ToList();
            noise += posts.Count - asReports.Count;
            reports += asReports.Count;
            Console.WriteLine($"{Path.GetFileName(file)}: own accounts {string.Join(", ", own.Order(StringComparer.Ordinal))}; {posts.Count} posts, {asReports.Count} of them theme reports");
            foreach (var p in asReports) Console.WriteLine($"  REPORT [{labels[p.Id]}] {p.Body[..Math.Min(100, p.Body.Length)]}");
        }
        Console.WriteLine($"over {files.Length} files: {noise + reports} posts of own accounts, {noise} truth noise, {reports} theme reports");
    }
}
