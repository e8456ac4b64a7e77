namespace TriageBot.Clustering;

/// <summary>
/// Groups normalised vectors into themes without being told how many: average-linkage
/// agglomerative clustering cut at a similarity. The number of themes is therefore decided by
/// how alike reports of one problem are (a property of the feature space, the same for every
/// product), not by a guess of k. Above <c>maxDirect</c> items, ML.NET k-means first makes
/// micro-clusters (finer than any theme) that the linkage then joins, keeping memory at maxDirect².
/// </summary>
public static class ThemeGrouping
{
    /// <returns>A group index per vector.</returns>
    public static int[] BySimilarity(IReadOnlyList<float[]> vectors, float similarity, int maxDirect, int seed, CancellationToken ct)
    {
        var (sums, sizes, unitOf) = Units(vectors, maxDirect, seed);
        var merges = AverageLinkage.Merges(sums, sizes, similarity, ct);
        var labels = AverageLinkage.CutAtSimilarity(sums.Count, merges, similarity);
        return unitOf.Select(u => labels[u]).ToArray();
    }

    /// <summary>
    /// <see cref="BySimilarity"/> over the given items' vectors, then <see cref="JoinFragments"/>: the groups as lists of the
    /// items (indexes into <paramref name="vectors"/>).
    /// </summary>
    public static List<List<int>> GroupItems(IReadOnlyList<int> items, float[][] vectors, float similarity, float fragmentSimilarity,
        int maxDirect, int seed, CancellationToken ct)
    {
        var labels = BySimilarity(items.Select(i => vectors[i]).ToList(), similarity, maxDirect, seed, ct);
        var groups = items.Select((item, k) => (item, group: labels[k])).GroupBy(x => x.group, x => x.item).Select(g => g.ToList()).ToList();
        return JoinFragments(groups, vectors, fragmentSimilarity, ct);
    }

    /// <returns>A group index per vector, exactly <paramref name="k"/> groups when there are that many vectors.</returns>
    public static int[] ByCount(IReadOnlyList<float[]> vectors, int k, int maxDirect, int seed, CancellationToken ct)
    {
        var (sums, sizes, unitOf) = Units(vectors, maxDirect, seed);
        var merges = AverageLinkage.Merges(sums, sizes, float.NegativeInfinity, ct);
        var labels = AverageLinkage.CutAtCount(sums.Count, merges, k);
        return unitOf.Select(u => labels[u]).ToArray();
    }

    /// <summary>
    /// Exactly <paramref name="k"/> groups (when there are that many vectors): Ward's tree cut at k,
    /// then Lloyd's k-means from those groups. Above <paramref name="maxDirect"/> vectors the tree is
    /// built over k-means micro-clusters, as for <see cref="BySimilarity"/>.
    /// </summary>
    public static int[] ByCountWard(IReadOnlyList<float[]> vectors, int k, int maxDirect, int seed, CancellationToken ct)
    {
        if (vectors.Count == 0) return [];
        var (sums, sizes, unitOf) = Units(vectors, maxDirect, seed);
        var centres = sums.Select((s, u) =>
        {
            var c = (float[])s.Clone();
            System.Numerics.Tensors.TensorPrimitives.Divide(c, sizes[u], c);
            return c;
        }).ToList();
        var labels = WardLinkage.CutAtCount(centres, sizes, k, ct);
        return KMeansClustering.Refine(vectors, unitOf.Select(u => labels[u]).ToArray(), ct: ct);
    }

    /// <summary>
    /// Joins groups of two or more whose normalised centroids are at least <paramref name="similarity"/> alike
    /// (average linkage over centroids). Linkage over items stops where one problem reported in
    /// different words splits into fragments; a centroid averages the wording away, so fragments of
    /// one problem have near centroids while different problems do not.
    /// </summary>
    public static List<List<int>> JoinFragments(List<List<int>> groups, float[][] vectors, float similarity, CancellationToken ct)
    {
        var large = groups.Where(g => g.Count >= 2).ToList();
        var result = groups.Where(g => g.Count < 2).ToList();
        if (large.Count < 2) return [.. result, .. large];
        var centroids = large.Select(g =>
        {
            var c = VectorMath.Mean(g.Select(i => vectors[i]), vectors[g[0]].Length);
            VectorMath.Normalize(c);
            return c;
        }).ToList();
        var merges = AverageLinkage.Merges(centroids, Enumerable.Repeat(1, large.Count).ToList(), similarity, ct);
        var labels = AverageLinkage.CutAtSimilarity(large.Count, merges, similarity);
        result.AddRange(large.Select((g, k) => (g, label: labels[k])).GroupBy(x => x.label).Select(x => x.SelectMany(y => y.g).ToList()));
        return result;
    }

    /// <summary>
    /// Micro-clusters for a large backlog: ML.NET k-means fitted on a seeded sample (a few items per
    /// micro-cluster is enough to place its centre), then every vector assigned to its nearest centre in
    /// one parallel pass. Fitting k-means on all of 100,000 vectors costs minutes for no better linkage.
    /// Three k-means rounds, not ten: micro-clusters are far finer than themes, so polishing their borders seldom moves
    /// a theme. Scored on truth (the 22k scenario, seeds 1–4, both feature kinds; all 115k items of the 100k scenario,
    /// lexical) every line was the same with 3 as with 10, and the 100k run gave the same themes and noise; 3 rounds take
    /// 2.3 s instead of 4.0 s there (docs/benchmarks.md, "Session 18").
    /// </summary>
    internal const int MicroClusterRounds = 3;

    private static int[] MicroClusters(IReadOnlyList<float[]> vectors, int count, int seed)
    {
        var sampleSize = Math.Min(vectors.Count, count * 4);
        var sample = Enumerable.Range(0, vectors.Count).ToArray();
        new Random(seed).Shuffle(sample);
        var chosen = sample.Take(sampleSize).Select(i => vectors[i]).ToList();
        var labels = KMeansClustering.Cluster(chosen, count, seed, maxIterations: MicroClusterRounds, randomStart: true);
        var k = labels.Max() + 1;
        // The normalised sum is the normalised mean: the centre's direction, which is all a cosine needs.
        var (centres, sizes) = KMeansClustering.SumsByLabel(chosen, labels, k);
        for (var c = 0; c < k; c++) VectorMath.Normalize(centres[c]);
        return NearestCentre.Assign(vectors, centres.Select((c, i) => sizes[i] == 0 ? null : c).ToList());
    }

    private static (List<float[]> Sums, List<int> Sizes, int[] UnitOf) Units(IReadOnlyList<float[]> vectors, int maxDirect, int seed)
    {
        if (vectors.Count <= maxDirect)
            return ([.. vectors], [.. Enumerable.Repeat(1, vectors.Count)], Enumerable.Range(0, vectors.Count).ToArray());
        // A third of maxDirect micro-clusters already holds a few hundred themes finely; more only as the backlog grows.
        var micro = MicroClusters(vectors, Math.Min(maxDirect, Math.Max(maxDirect / 3, vectors.Count / 100)), seed);
        var (microSums, microSizes) = KMeansClustering.SumsByLabel(vectors, micro, micro.Max() + 1);
        // Units numbered in order of first appearance; micro-clusters no vector was assigned to are left out.
        var sums = new List<float[]>();
        var sizes = new List<int>();
        var unitOfMicro = new int[microSums.Length];
        var unitOf = new int[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (unitOfMicro[micro[i]] == 0)
            {
                sums.Add(microSums[micro[i]]);
                sizes.Add(microSizes[micro[i]]);
                unitOfMicro[micro[i]] = sums.Count; // one-based: 0 means not numbered yet
            }
            unitOf[i] = unitOfMicro[micro[i]] - 1;
        }
        return (sums, sizes, unitOf);
    }
}
