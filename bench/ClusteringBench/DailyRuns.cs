using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;

/// <summary>The `scenario --daily` runs: the clusterer one day at a time, as a scheduled pipeline meets the feedback.</summary>
internal static class DailyRuns
{
    /// <summary>
    /// `--daily`: the run a scheduled pipeline makes each day, one day at a time. Each day's run clusters every item
    /// created up to the end of that day (UTC) with the themes the day before left, so themes form from the first days'
    /// few reports and later ones join them, as in production; the last day's result is scored.
    /// </summary>
    public static async Task<ClusteringResult> RunAsync(ThemeClusterer clusterer, List<FeedbackItem> items, ScenarioTruth truth)
    {
        static DateOnly Day(FeedbackItem i) => DateOnly.FromDateTime(i.CreatedAt.UtcDateTime);
        var ordered = items.OrderBy(i => i.CreatedAt.UtcDateTime).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
        var trace = Environment.GetEnvironmentVariable("DAILY_TRACE") == "1";
        var labels = truth.Labels();
        ClusteringResult? result = null;
        var moved = 0;
        foreach (var day in ordered.Select(Day).Distinct().ToList())
        {
            var upTo = ordered.Where(i => Day(i) <= day).ToList();
            var before = result?.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id) ?? [];
            result = await clusterer.ClusterAsync(upTo, result?.Themes ?? [], default);
            // Reports that were in one theme yesterday and are in another (or in noise) today.
            var after = result.Themes.SelectMany(t => t.ItemIds.Select(id => (id, t.Id))).ToDictionary(x => x.id, x => x.Id);
            moved += before.Count(b => after.GetValueOrDefault(b.Key) != b.Value);
            if (!trace) continue;
            // Purity of the day's themes of 2+ items, over the items seen so far.
            var inThemes = result.Themes.Where(t => t.ItemIds.Count >= 2).ToList();
            var right = inThemes.Sum(t => t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).Max(g => g.Count()));
            var all = inThemes.Sum(t => t.ItemIds.Count);
            Console.WriteLine($"  DAY {day:MM-dd} items {upTo.Count} themes {result.Themes.Count} in themes {all} purity {(all == 0 ? 1 : (double)right / all):F3} noise {result.Noise.Count} moved so far {moved}");
        }
        Console.WriteLine($"  DAILY reports that left a theme they were in the day before: {moved} (of {items.Count})");
        return result ?? await clusterer.ClusterAsync(items, [], default);
    }
}
