using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Themes to hold without a ticket of their own: a theme of no more than <see cref="ClusteringOptions.MinThemeSize"/>
/// reports whose centroid is more than <see cref="ClusteringOptions.HoldFragmentSimilarity"/> alike a larger theme that
/// reads as the same kind (both problems, both requests, both small fixes). Three reports are weak evidence of a problem
/// of their own, and one that sits near a larger theme of its kind is most often a piece of it that no merge rule could
/// prove; a ticket for it is a duplicate an engineer has to close. Held, it stays a theme (and the report says which
/// theme it reads like); it is filed once it outgrows the bar or stops reading like its neighbour. A theme a person
/// pinned or split off is never held. Over 149 generated scenarios of 12 products it left 13 duplicate tickets unfiled
/// and recall unchanged on every set (docs/benchmarks.md, "Session 17").
/// </summary>
internal static class HeldFragments
{
    /// <returns>Per held theme's id, the larger theme it reads like and their centroid similarity.</returns>
    public static Dictionary<string, NearestTheme> Find(IReadOnlyList<WorkingTheme> themes, Func<WorkingTheme, ThemeKind> kindOf, int maxSize,
        float similarity)
    {
        var held = new Dictionary<string, NearestTheme>(StringComparer.Ordinal);
        if (similarity <= 0) return held;
        var live = themes.Where(t => t.Items.Count > 0 && t.Centroid is not null).ToList();
        foreach (var small in live.Where(t => t.Items.Count <= maxSize && !t.Pinned && !t.SplitByPerson))
        {
            NearestTheme? best = null;
            foreach (var large in live.Where(t => t.Items.Count > small.Items.Count && t.Centroid!.Length == small.Centroid!.Length))
            {
                var sim = VectorMath.Dot(small.Centroid!, large.Centroid!);
                // The kind is read from the reports' text, so only for a pair near enough.
                if (sim > similarity && sim > (best?.Similarity ?? double.NegativeInfinity) && kindOf(small) == kindOf(large))
                    best = new NearestTheme(large.Id, sim);
            }
            if (best is not null) held[small.Id] = best;
        }
        return held;
    }
}
