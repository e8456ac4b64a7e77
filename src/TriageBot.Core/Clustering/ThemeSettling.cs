using System.Numerics.Tensors;

namespace TriageBot.Clustering;

/// <summary>One theme as the settling step sees it.</summary>
/// <param name="FixedSum">Sum of the vectors of members that do not move (placed by earlier runs or people); zeros when none.</param>
/// <param name="FixedCount">How many vectors <paramref name="FixedSum"/> holds.</param>
/// <param name="Fallback">Centroid to use while the theme has no members in this run (its stored one), or null.</param>
/// <param name="IsNew">Created in this run: dissolves when it falls below the minimum size.</param>
internal sealed record SettlingTheme(float[] FixedSum, int FixedCount, float[]? Fallback, bool IsNew);

/// <summary>
/// The last step of clustering a run: its free items settle among the themes the way k-means settles.
/// Linkage decides which themes exist, but it places items by their average similarity to a whole
/// group at the moment two groups meet, so an item is left out (or in a fragment) when the group it
/// belongs to was still small. Once the themes are known, each item goes to the theme whose centroid is
/// nearest, when that is near enough and clearly nearer than the next; centroids follow the items;
/// this repeats until nothing moves. A new theme that ends below the minimum size dissolves, and its
/// items settle again. Items that do not move (earlier runs', people's) keep the centroids anchored, so
/// themes keep their identity from run to run.
/// </summary>
internal static class ThemeSettling
{
    /// <param name="themes">The themes; the result indexes into this list.</param>
    /// <param name="vectors">Normalised vectors of the movable items.</param>
    /// <param name="start">The theme each movable item is in before settling, or -1.</param>
    /// <param name="bar">Per movable item: the similarity to a centroid it needs to join that theme.</param>
    /// <param name="follows">
    /// Per movable item: true when it may join a theme but must not move its centroid. Text the model reads
    /// poorly (another language) is alike by language rather than by problem: were it to pull centroids, a
    /// theme that took in a few such items would draw in every item of that language, round after round.
    /// </param>
    /// <param name="margin">How much nearer the chosen theme must be than the next one.</param>
    /// <returns>Per movable item, its theme after settling or -1 (noise).</returns>
    public static int[] Run(
        IReadOnlyList<SettlingTheme> themes, IReadOnlyList<float[]> vectors, IReadOnlyList<int> start, IReadOnlyList<float> bar,
        IReadOnlyList<bool> follows, float margin, int minThemeSize, int maxRounds, CancellationToken ct)
    {
        var assigned = start.ToArray();
        if (themes.Count == 0 || vectors.Count == 0) return assigned;
        var dims = vectors[0].Length;
        var alive = Enumerable.Repeat(true, themes.Count).ToArray();
        for (var round = 0; round < maxRounds; round++)
        {
            ct.ThrowIfCancellationRequested();
            var sums = Sums(themes, vectors, assigned, follows, alive, dims);
            var norms = sums.Select(s => s is null ? 0f : TensorPrimitives.Norm(s)).ToArray();
            var next = new int[assigned.Length];
            Parallel.For(0, vectors.Count, new ParallelOptions { CancellationToken = ct },
                i => next[i] = Choose(sums, norms, vectors[i], follows[i] ? -1 : assigned[i], bar[i], margin));
            var moved = 0;
            for (var i = 0; i < next.Length; i++)
                if (next[i] != assigned[i]) { assigned[i] = next[i]; moved++; }
            moved += Dissolve(themes, assigned, alive, minThemeSize);
            // One item in a thousand still moving counts as settled: a large backlog is spared rounds that move a
            // handful of items between near themes, and a run of under a thousand items settles exactly.
            if (moved <= vectors.Count / 1000) break;
        }
        CapFollowers(themes, vectors, assigned, follows, alive, dims);
        Dissolve(themes, assigned, alive, minThemeSize);
        return assigned;
    }

    /// <summary>
    /// Followers (other-language and turned-down items, which join at looser bars) never outnumber the members that
    /// make a theme: all text in one language sits in one region of an English model, so in a large backlog a theme
    /// near that region would otherwise take in every post in that language. The nearest followers stay.
    /// </summary>
    private static void CapFollowers(IReadOnlyList<SettlingTheme> themes, IReadOnlyList<float[]> vectors, int[] assigned, IReadOnlyList<bool> follows, bool[] alive, int dims)
    {
        var sums = Sums(themes, vectors, assigned, follows, alive, dims);
        var members = new int[themes.Count];
        var followers = new List<int>[themes.Count];
        for (var t = 0; t < themes.Count; t++) members[t] = themes[t].FixedCount;
        for (var i = 0; i < assigned.Length; i++)
        {
            var t = assigned[i];
            if (t < 0) continue;
            if (follows[i]) (followers[t] ??= []).Add(i);
            else members[t]++;
        }
        for (var t = 0; t < themes.Count; t++)
        {
            if (followers[t] is not { } list || list.Count <= members[t] || sums[t] is not { } sum) continue;
            foreach (var i in list.OrderByDescending(i => VectorMath.Dot(sum, vectors[i])).Skip(members[t])) assigned[i] = -1;
        }
    }

    /// <summary>New themes below the minimum size give up their items; returns how many items that freed.</summary>
    private static int Dissolve(IReadOnlyList<SettlingTheme> themes, int[] assigned, bool[] alive, int minThemeSize)
    {
        var counts = new int[themes.Count];
        foreach (var t in assigned) if (t >= 0) counts[t]++;
        var freed = 0;
        for (var t = 0; t < themes.Count; t++)
        {
            if (!alive[t] || !themes[t].IsNew || counts[t] == 0 || themes[t].FixedCount + counts[t] >= minThemeSize) continue;
            alive[t] = false;
            for (var i = 0; i < assigned.Length; i++)
                if (assigned[i] == t) { assigned[i] = -1; freed++; }
        }
        return freed;
    }

    /// <summary>Per theme, the sum of its members' vectors (fixed ones and the movable ones that pull), or its fallback centroid.</summary>
    private static float[]?[] Sums(IReadOnlyList<SettlingTheme> themes, IReadOnlyList<float[]> vectors, int[] assigned, IReadOnlyList<bool> follows, bool[] alive, int dims)
    {
        var sums = new float[]?[themes.Count];
        var counts = new int[themes.Count];
        for (var t = 0; t < themes.Count; t++)
        {
            if (!alive[t]) continue;
            counts[t] = themes[t].FixedCount;
            sums[t] = themes[t].FixedCount > 0 ? (float[])themes[t].FixedSum.Clone() : new float[dims];
        }
        for (var i = 0; i < assigned.Length; i++)
        {
            var t = assigned[i];
            if (t < 0 || follows[i] || sums[t] is not { } sum) continue;
            TensorPrimitives.Add(sum, vectors[i], sum);
            counts[t]++;
        }
        for (var t = 0; t < themes.Count; t++)
            if (sums[t] is not null && counts[t] == 0)
                sums[t] = themes[t].IsNew || themes[t].Fallback is not { } f || f.Length != dims ? null : f;
        return sums;
    }

    /// <summary>
    /// The theme whose centroid is nearest, or -1. An item is measured against its own theme's centroid without
    /// itself: in a theme of three, an item's own vector is a third of the centroid and would hold it there.
    /// </summary>
    private static int Choose(float[]?[] sums, float[] norms, float[] v, int own, float bar, float margin)
    {
        int best = -1;
        float bestSim = float.NegativeInfinity, second = float.NegativeInfinity;
        for (var t = 0; t < sums.Length; t++)
        {
            if (sums[t] is not { } sum || norms[t] == 0) continue;
            var dot = VectorMath.Dot(sum, v);
            float s;
            if (t == own)
            {
                // |sum − v|² = |sum|² − 2·sum·v + |v|², with |v| = 1.
                var rest = norms[t] * norms[t] - 2 * dot + 1;
                s = rest > 1e-6f ? (dot - 1) / MathF.Sqrt(rest) : float.NegativeInfinity;
            }
            else s = dot / norms[t];
            if (s > bestSim) { second = bestSim; bestSim = s; best = t; }
            else if (s > second) second = s;
        }
        return best >= 0 && bestSim >= bar && bestSim - second >= margin ? best : -1;
    }
}
