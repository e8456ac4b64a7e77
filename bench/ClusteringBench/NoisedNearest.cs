using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;
using TriageBot.Text;

/// <summary>
/// What ends in noise, by language, and where each noise item would go at a lower join bar: over all scenarios of a
/// run, the noise items whose nearest final theme is at least that similar, counted by whether that theme's majority
/// is the item's own truth theme, another theme, or the item is truth noise (`scenario FILES --noised BAR`, BAR ≥
/// the clusterer's AnchorJoinSimilarity, below which no nearest theme is kept).
/// </summary>
internal sealed class NoisedNearest
{
    private readonly Dictionary<(bool English, string Outcome), int> _counts = [];

    public void Add(List<FeedbackItem> items, ScenarioTruth truth, ClusteringResult result, double bar)
    {
        var labels = truth.Labels();
        var majority = result.Themes.ToDictionary(t => t.Id,
            t => t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).First().Key);
        var byId = items.ToDictionary(i => i.Id);
        foreach (var id in result.Noise)
        {
            if (!labels.TryGetValue(id, out var label) || !byId.TryGetValue(id, out var item)) continue;
            var english = EnglishText.Reads(ItemText.For(item));
            if (label != "noise") Count(english, "theme items in noise");
            if (!result.NoiseNearest.TryGetValue(id, out var near) || near.Similarity < bar) continue;
            Count(english, label == "noise" ? "noise item near a theme" : majority[near.ThemeId] == label ? "nearest is its theme" : "nearest is another theme");
        }
    }

    private void Count(bool english, string outcome) => _counts[(english, outcome)] = _counts.GetValueOrDefault((english, outcome)) + 1;

    public void Print(double bar)
    {
        Console.WriteLine($"noise items, and those within {bar:0.00} of their nearest theme:");
        foreach (var english in new[] { true, false })
            Console.WriteLine($"  {(english ? "English" : "other language")}: " + string.Join(", ",
                new[] { "theme items in noise", "nearest is its theme", "nearest is another theme", "noise item near a theme" }
                    .Select(o => $"{o} {_counts.GetValueOrDefault((english, o))}")));
    }
}
