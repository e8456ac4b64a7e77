using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public sealed class WardLinkageTests
{
    [Fact]
    public void Cut_at_k_matches_the_naive_greedy_ward_algorithm()
    {
        var random = new Random(7);
        var points = Enumerable.Range(0, 40).Select(_ => new[] { (float)random.NextDouble() * 10, (float)random.NextDouble() * 10, (float)random.NextDouble() }).ToList();
        foreach (var k in new[] { 1, 3, 6, 12 })
        {
            var ours = WardLinkage.CutAtCount(points, Enumerable.Repeat(1, points.Count).ToList(), k);
            Assert.Equal(k, ours.Distinct().Count());
            Assert.Equal(Partition(NaiveWard(points, k)), Partition(ours));
        }
    }

    [Fact]
    public void Groups_given_as_centres_with_sizes_weigh_as_their_members_would()
    {
        // Two items at 0 given as one unit of size 2 must behave as two separate items at 0.
        float[][] separate = [[0f], [0f], [1f], [10f]];
        var asItems = WardLinkage.CutAtCount(separate, [1, 1, 1, 1], 2);
        var asUnits = WardLinkage.CutAtCount([[0f], [1f], [10f]], [2, 1, 1], 2);
        Assert.Equal(asItems[0], asItems[2]);
        Assert.NotEqual(asItems[0], asItems[3]);
        Assert.Equal(asUnits[0], asUnits[1]);
        Assert.NotEqual(asUnits[0], asUnits[2]);
    }

    [Fact]
    public void Refine_moves_a_misassigned_item_to_its_nearest_centre_and_then_stops()
    {
        float[][] points = [[0f], [0.2f], [5f], [5.2f], [0.1f]];
        var labels = KMeansClustering.Refine(points, [0, 0, 1, 1, 1]);
        Assert.Equal([0, 0, 1, 1, 0], labels);
    }

    private static string Partition(int[] labels) =>
        string.Join("|", Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).Select(g => string.Join(",", g)).Order(StringComparer.Ordinal));

    /// <summary>Textbook Ward: repeatedly merge the two clusters whose union adds the least sum of squares.</summary>
    private static int[] NaiveWard(List<float[]> points, int k)
    {
        var clusters = points.Select((_, i) => new List<int> { i }).ToList();
        double Sse(List<int> members)
        {
            var dims = points[0].Length;
            var mean = new double[dims];
            foreach (var m in members) for (var d = 0; d < dims; d++) mean[d] += points[m][d] / members.Count;
            return members.Sum(m => Enumerable.Range(0, dims).Sum(d => Math.Pow(points[m][d] - mean[d], 2)));
        }
        while (clusters.Count > k)
        {
            var (ba, bb, best) = (0, 1, double.PositiveInfinity);
            for (var a = 0; a < clusters.Count; a++)
                for (var b = a + 1; b < clusters.Count; b++)
                {
                    var cost = Sse([.. clusters[a], .. clusters[b]]) - Sse(clusters[a]) - Sse(clusters[b]);
                    if (cost < best) (ba, bb, best) = (a, b, cost);
                }
            clusters[ba].AddRange(clusters[bb]);
            clusters.RemoveAt(bb);
        }
        var labels = new int[points.Count];
        for (var c = 0; c < clusters.Count; c++) foreach (var m in clusters[c]) labels[m] = c;
        return labels;
    }
}

public sealed class ThemeGroupingTests
{
    [Fact]
    public void Above_max_direct_items_micro_clusters_keep_well_separated_groups_apart()
    {
        // Three tight groups of 400 items each on three axes; with maxDirect 300 they go through micro-clusters.
        var random = new Random(3);
        var vectors = new List<float[]>();
        for (var g = 0; g < 3; g++)
            for (var i = 0; i < 400; i++)
            {
                var v = new float[3];
                v[g] = 1;
                for (var d = 0; d < 3; d++) v[d] += (float)(random.NextDouble() * 0.2);
                var n = MathF.Sqrt(v.Sum(x => x * x));
                vectors.Add(v.Select(x => x / n).ToArray());
            }
        var labels = ThemeGrouping.BySimilarity(vectors, 0.8f, maxDirect: 300, seed: 1, default);
        Assert.Equal(3, labels.Distinct().Count());
        for (var g = 0; g < 3; g++) Assert.Single(labels.Skip(g * 400).Take(400).Distinct());
    }
}
