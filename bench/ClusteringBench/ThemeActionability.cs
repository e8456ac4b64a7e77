using System.Globalization;
using TriageBot.Clustering;
using TriageBot.Clustering.Embeddings;
using TriageBot.Domain;
using TriageBot.Evaluation;

/// <summary>
/// The actionability check's scores of a run's themes, from the items' raw embeddings: the group score (of the mean
/// embedding, as the clusterer checks a new theme), the mean item score, the share of items scoring above 0 and the best
/// item. <c>scenario --themescores</c> sets the ticketed themes (≥ 2 items) whose majority is truth noise against the rest.
/// </summary>
internal sealed class ThemeActionability(ItemEmbedder embedder, ActionabilityClassifier classifier)
{
    internal readonly record struct Scores(double Group, double ItemMean, double Clear, double Best)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"act {Group:F3} itemmean {ItemMean:F3} clear {Clear:F3} max {Best:F3}");
    }

    private readonly List<(bool Noise, Scores Scores)> _themes = [];

    /// <summary>A scorer of the themes of one scenario's run.</summary>
    public async Task<Func<Theme, Scores>> ScorerAsync(IReadOnlyList<FeedbackItem> items)
    {
        var raw = await embedder.EmbedAsync(items.Select(i => i.ContentHash).ToList(), items.Select(ItemText.For).ToList(), null, default);
        await classifier.EnsurePrototypesAsync(default);
        var rawOf = items.Select((it, i) => (it.Id, i)).ToDictionary(x => x.Id, x => raw[x.i]);
        return t =>
        {
            var vectors = t.ItemIds.Where(rawOf.ContainsKey).Select(id => rawOf[id]).ToList();
            var each = vectors.Select(classifier.Score).ToList();
            return new Scores(classifier.ScoreMean(vectors), each.Average(), each.Average(s => s > 0 ? 1.0 : 0), each.Max());
        };
    }

    public async Task AddAsync(IReadOnlyList<FeedbackItem> items, ScenarioTruth truth, ClusteringResult result)
    {
        var labels = truth.Labels();
        var score = await ScorerAsync(items);
        foreach (var t in result.Themes.Where(t => t.ItemIds.Count >= 2))
        {
            var majority = t.ItemIds.GroupBy(id => labels.GetValueOrDefault(id, "?")).OrderByDescending(g => g.Count()).First().Key;
            _themes.Add((majority == "noise", score(t)));
        }
    }

    public void Print()
    {
        var noise = _themes.Where(x => x.Noise).Select(x => x.Scores).ToList();
        var real = _themes.Where(x => !x.Noise).Select(x => x.Scores).ToList();
        if (noise.Count == 0 || real.Count == 0) return;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"theme scores: {noise.Count} noise-majority themes, group score {noise.Min(s => s.Group):F3} to {noise.Max(s => s.Group):F3}, " +
            $"{noise.Count(s => s.Clear == 0)} with no item above 0; {real.Count} other themes, group score from {real.Min(s => s.Group):F3}, " +
            $"{real.Count(s => s.Group <= noise.Max(n => n.Group))} at or below the noise themes' highest, {real.Count(s => s.Clear == 0)} with no item above 0"));
    }
}
