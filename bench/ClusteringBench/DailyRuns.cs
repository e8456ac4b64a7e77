using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;

/// <summary>The `scenario --daily` runs: the clusterer one day at a time, as a scheduled pipeline meets the feedback.</summary>
internal static class DailyRuns
{
    /// <summary>
    /// `--daily`: the run a scheduled pipeline makes each day, one day at a time. Each day's run clusters every item
    /// created up to the end of that day (UTC) with the themes the day before left, so themes form from the first days'
    /// few reports and later ones join them, as in production; the last day's result is scored. `DAILY_TRACE=1` prints each
    /// day's counts; `DAILY_EVENTS=1` each day's events (created, merged, split, dissolved) with the truth themes of the
    /// theme's items, and the texts of a theme created with noise for half its items or more.
    /// </summary>
    public static async Task<ClusteringResult> RunAsync(ThemeClusterer clusterer, List<FeedbackItem> items, ScenarioTruth truth)
    {
        static DateOnly Day(FeedbackItem i) => DateOnly.FromDateTime(i.CreatedAt.UtcDateTime);
        var ordered = ScenarioItems.InPipelineOrder(items);
        var trace = Environment.GetEnvironmentVariable("DAILY_TRACE") == "1";
        ClusteringResult? result = null;
        var seen = 0;
        var events = Environment.GetEnvironmentVariable("DAILY_EVENTS") == "1";
        var truthOf = truth.Labels();
        var moves = new DailyMoves(truthOf);
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var day in ordered.Select(Day).Distinct().ToList())
        {
            // In that order, the items up to a day are a prefix.
            while (seen < ordered.Count && Day(ordered[seen]) <= day) seen++;
            result = await clusterer.ClusterAsync(ordered[..seen], result?.Themes ?? [], default);
            // Reports that were in one theme yesterday and are in another (or in noise) today.
            moves.Add(result);
            if (events) PrintEvents(day, result, truthOf, byId);
            if (!trace) continue;
            // Scored as the bench scores the last day (every theme of 2+ items ticketed unless held), over the items so far.
            var purity = ScenarioScorer.Score(truth, ScenarioBench.ToReport(result)).TicketPurity;
            Console.WriteLine($"  DAY {day:MM-dd} items {seen} themes {result.Themes.Count} purity {purity:F3} noise {result.Noise.Count} moved so far {moves.Total}");
        }
        Console.WriteLine($"  DAILY reports that left a theme they were in the day before: {moves.Total} (of {items.Count}); {moves}");
        return result ?? await clusterer.ClusterAsync(items, [], default);
    }

    /// <summary>`DAILY_EVENTS=1`: the day's events, each with the truth themes of its theme's items; the texts of a new theme half noise or more.</summary>
    private static void PrintEvents(DateOnly day, ClusteringResult result, Dictionary<string, string> truthOf, Dictionary<string, FeedbackItem> byId)
    {
        string Truth(string id) => truthOf.GetValueOrDefault(id, "noise");
        foreach (var e in result.Events)
        {
            var t = result.Themes.FirstOrDefault(x => x.Id == e.ThemeId);
            var comp = t is null ? "" : string.Join(" ", t.ItemIds.GroupBy(Truth).OrderByDescending(g => g.Count()).Take(4).Select(g => $"{g.Key}:{g.Count()}"));
            Console.WriteLine($"  EV {day:MM-dd} {e.Kind} {e.ThemeId} {e.OtherThemeId} n={t?.ItemIds.Count} [{comp}] {e.Reason}");
            if (e.Kind != "created" || t is null || t.ItemIds.Count(id => Truth(id) == "noise") * 2 < t.ItemIds.Count) continue;
            foreach (var id in t.ItemIds)
            {
                var text = byId[id].FullText.ReplaceLineEndings(" ");
                Console.WriteLine($"        {Truth(id)} | {text[..Math.Min(100, text.Length)]}");
            }
        }
    }
}
