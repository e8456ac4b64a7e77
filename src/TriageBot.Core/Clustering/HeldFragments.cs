using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Themes to hold without a ticket of their own: a theme of no more than <see cref="ClusteringOptions.MinThemeSize"/>
/// reports whose centroid is more than <see cref="ClusteringOptions.HoldFragmentSimilarity"/> alike a larger theme.
/// Three reports are weak evidence of a problem of their own, and one that sits near a larger theme is most often a
/// piece of it that no merge rule could prove (three reports of a problem that ask for its fix read as a request beside
/// the problem's theme); a ticket for it is a duplicate an engineer has to close. Held, it stays a theme (and the report
/// says which theme it reads like); it is filed once it outgrows the bar or stops reading like its neighbour. A small
/// fix is held only beside a larger small fix: beside its area's problem it was split off on purpose
/// (<see cref="SmallFixSplitting"/>). A theme a person pinned, split off or merged is never held. Over 184 generated scenarios
/// of 16 products it leaves 31 more duplicate tickets unfiled than a hold beside a theme of the same kind only (181 →
/// 150), with recall unchanged on every product (docs/benchmarks.md, "Session 17" and "Session 25").
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
        foreach (var small in live.Where(t => t.Items.Count <= maxSize && !t.Pinned && !t.ShapedByPerson))
        {
            NearestTheme? best = null;
            foreach (var large in live.Where(t => t.Items.Count > small.Items.Count && t.Centroid!.Length == small.Centroid!.Length))
            {
                var sim = VectorMath.Dot(small.Centroid!, large.Centroid!);
                // The kind is read from the reports' text, so only for a pair near enough.
                if (sim > similarity && sim > (best?.Similarity ?? double.NegativeInfinity)
                    && (kindOf(small) != ThemeKind.SmallFix || kindOf(large) == ThemeKind.SmallFix))
                    best = new NearestTheme(large.Id, sim);
            }
            if (best is not null) held[small.Id] = best;
        }
        return held;
    }
}
