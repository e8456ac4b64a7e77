using System.Globalization;
using System.Numerics.Tensors;
using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;

/// <summary>
/// `scenario --siblings FILES`: whether anything tells a final theme that holds two problems (siblings of one area) from
/// one that holds one. Each ticketed theme of eight or more reports is split in two by 2-means from its first principal
/// component, in the clusterer's features and again with each source's own mean inside the theme taken out (a register
/// split then has nothing left to split on), and the halves are measured against the truth (docs/benchmarks.md,
/// "Session 37"). A reading for people: nothing here is used by the clusterer.
/// </summary>
internal sealed class SiblingProbe
{
    private readonly List<string> _rows = [];
    private readonly List<(string Kind, string Space, double Accuracy, double Separation, double Lexical)> _stats = [];

    public void Add(string file, List<FeedbackItem> items, ScenarioTruth truth, ClusteringResult result, float[][] vecs)
    {
        var labels = truth.Labels();
        var idx = items.Select((it, i) => (it.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var tokens = items.Select(i => DistinctiveTerms.Tokens(ItemText.For(i))).ToList();
        var df = new Dictionary<string, int>();
        foreach (var ts in tokens) foreach (var t in ts) df[t] = df.GetValueOrDefault(t) + 1;
        foreach (var t in result.Themes.Where(t => t.ItemIds.Count >= 8 && !result.Held.ContainsKey(t.Id)))
        {
            var members = t.ItemIds.Where(idx.ContainsKey).Select(id => idx[id]).ToList();
            var lab = members.Select(m => labels.GetValueOrDefault(items[m].Id, "noise")).ToList();
            var counts = lab.GroupBy(l => l).OrderByDescending(g => g.Count()).ToList();
            var a = counts[0].Key;
            // The second problem: the next label after the majority that is not noise.
            var b = counts.Skip(1).Select(g => g.Key).FirstOrDefault(k => k != "noise");
            var nb = b is null ? 0 : lab.Count(l => l == b);
            var kind = nb >= 3 ? "TWO" : "ONE";
            var plain = members.Select(m => vecs[m]).ToList();
            var centred = CentreBySource(members, plain, items);
            foreach (var (name, vs) in new[] { ("plain", plain), ("srcc", centred) })
            {
                var side = TwoMeans(vs);
                var acc = b is null ? double.NaN : Accuracy(lab, side, a, b);
                var (sep, small) = Separation(vs, side);
                var (lex, terms) = Exclusive(members, side, tokens, df, items.Count);
                _stats.Add((kind, name, acc, sep, lex));
                _rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"SP {file} {kind} {name} n {members.Count} a {a}:{counts[0].Count()} b {b}:{nb} acc {acc:F2} sep {sep:F3} small {small} srcmix {SourceMix(members, side, items):F2} lex {lex:F2} {terms}"));
            }
        }
    }

    /// <summary>
    /// Per kind of theme (TWO: a second truth problem of three or more reports inside; ONE: not) and space (plain: the
    /// clusterer's features; srcc: each source's mean in the theme taken out), the 10/25/50/75/90th percentiles of the
    /// halves' separation and of their most exclusive term's share difference, and for TWO how well the split follows
    /// the two problems. With SIBLINGS_ROWS=1 also a line per theme and space.
    /// </summary>
    public void Print()
    {
        if (Environment.GetEnvironmentVariable("SIBLINGS_ROWS") == "1")
            foreach (var r in _rows) Console.WriteLine(r);
        static string Q(IEnumerable<double> values)
        {
            var v = values.Order().ToList();
            return v.Count == 0 ? "-" : string.Join(" / ", new[] { 0.1, 0.25, 0.5, 0.75, 0.9 }.Select(q => v[(int)(q * (v.Count - 1))].ToString("F2", CultureInfo.InvariantCulture)));
        }
        foreach (var g in _stats.GroupBy(x => (x.Kind, x.Space)).OrderBy(g => g.Key))
            Console.WriteLine($"siblings {g.Key.Kind} {g.Key.Space} ({g.Count()} themes): separation {Q(g.Select(x => x.Separation))}; exclusive term {Q(g.Select(x => x.Lexical))}" +
                (g.Key.Kind == "TWO" ? $"; split follows the problems {Q(g.Select(x => x.Accuracy))}" : ""));
    }

    private static List<float[]> CentreBySource(List<int> members, List<float[]> vs, List<FeedbackItem> items)
    {
        var dim = vs[0].Length;
        var means = new Dictionary<FeedbackSource, (float[] Sum, int N)>();
        for (var i = 0; i < members.Count; i++)
        {
            var s = items[members[i]].Source;
            if (!means.TryGetValue(s, out var m)) m = (new float[dim], 0);
            TensorPrimitives.Add(m.Sum, vs[i], m.Sum);
            means[s] = (m.Sum, m.N + 1);
        }
        var result = new List<float[]>();
        for (var i = 0; i < members.Count; i++)
        {
            var (sum, n) = means[items[members[i]].Source];
            var r = new float[dim];
            for (var d = 0; d < dim; d++) r[d] = vs[i][d] - sum[d] / n;
            result.Add(r);
        }
        return result;
    }

    /// <summary>2-means started from the sign of the first principal component (power iteration on the Gram matrix).</summary>
    private static int[] TwoMeans(List<float[]> vs)
    {
        var n = vs.Count; var dim = vs[0].Length;
        var mean = new float[dim];
        foreach (var v in vs) TensorPrimitives.Add(mean, v, mean);
        TensorPrimitives.Divide(mean, n, mean);
        var c = vs.Select(v => { var r = new float[dim]; TensorPrimitives.Subtract(v, mean, r); return r; }).ToList();
        var w = new float[n];
        var rng = new Random(1);
        for (var i = 0; i < n; i++) w[i] = (float)rng.NextDouble() - 0.5f;
        var dir = new float[dim];
        for (var it = 0; it < 50; it++)
        {
            Array.Clear(dir);
            for (var i = 0; i < n; i++) TensorPrimitives.MultiplyAdd(c[i], w[i], dir, dir);
            var norm = TensorPrimitives.Norm(dir);
            if (norm == 0) break;
            TensorPrimitives.Divide(dir, norm, dir);
            for (var i = 0; i < n; i++) w[i] = TensorPrimitives.Dot(c[i], dir);
        }
        var side = w.Select(x => x >= 0 ? 1 : 0).ToArray();
        for (var it = 0; it < 20; it++)
        {
            var c0 = Centroid(c, side, 0); var c1 = Centroid(c, side, 1);
            if (c0 is null || c1 is null) break;
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var s = TensorPrimitives.Distance(c[i], c1) < TensorPrimitives.Distance(c[i], c0) ? 1 : 0;
                if (s != side[i]) { side[i] = s; changed = true; }
            }
            if (!changed) break;
        }
        return side;
    }

    private static float[]? Centroid(List<float[]> c, int[] side, int which)
    {
        var r = new float[c[0].Length]; var k = 0;
        for (var i = 0; i < c.Count; i++) if (side[i] == which) { TensorPrimitives.Add(r, c[i], r); k++; }
        if (k == 0) return null;
        TensorPrimitives.Divide(r, k, r);
        return r;
    }

    /// <summary>Between-halves distance over the mean within-half distance to its centroid; and the smaller half's size.</summary>
    private static (double, int) Separation(List<float[]> c, int[] side)
    {
        var c0 = Centroid(c, side, 0); var c1 = Centroid(c, side, 1);
        if (c0 is null || c1 is null) return (0, 0);
        double within = 0;
        for (var i = 0; i < c.Count; i++) within += TensorPrimitives.Distance(c[i], side[i] == 0 ? c0 : c1);
        within /= c.Count;
        return (TensorPrimitives.Distance(c0, c1) / within, Math.Min(side.Count(s => s == 0), side.Count(s => s == 1)));
    }

    /// <summary>
    /// For each half, the term most used there and least in the other (share difference, terms of under a quarter of
    /// the run); the smaller of the two halves' best differences, and the terms.
    /// </summary>
    private static (double, string) Exclusive(List<int> members, int[] side, List<HashSet<string>> tokens, Dictionary<string, int> df, int n)
    {
        var n0 = side.Count(s => s == 0); var n1 = side.Length - n0;
        if (n0 == 0 || n1 == 0) return (0, "");
        var c0 = new Dictionary<string, int>(); var c1 = new Dictionary<string, int>();
        for (var i = 0; i < members.Count; i++)
            foreach (var t in tokens[members[i]])
            {
                if (df[t] > n / 4) continue;
                var c = side[i] == 0 ? c0 : c1;
                c[t] = c.GetValueOrDefault(t) + 1;
            }
        var diffs0 = c0.Select(kv => (kv.Key, d: (double)kv.Value / n0 - (double)c1.GetValueOrDefault(kv.Key) / n1)).OrderByDescending(x => x.d).Take(3).ToList();
        var diffs1 = c1.Select(kv => (kv.Key, d: (double)kv.Value / n1 - (double)c0.GetValueOrDefault(kv.Key) / n0)).OrderByDescending(x => x.d).Take(3).ToList();
        var best0 = diffs0.Count > 0 ? diffs0[0].d : 0; var best1 = diffs1.Count > 0 ? diffs1[0].d : 0;
        string Show(List<(string Key, double d)> l) => string.Join(",", l.Select(x => $"{x.Key}:{x.d:F2}"));
        return (Math.Min(best0, best1), $"[{Show(diffs0)}] [{Show(diffs1)}]");
    }

    private static double Accuracy(List<string> lab, int[] side, string a, string b)
    {
        int a0 = 0, a1 = 0, b0 = 0, b1 = 0;
        for (var i = 0; i < lab.Count; i++)
        {
            if (lab[i] == a) { if (side[i] == 0) a0++; else a1++; }
            else if (lab[i] == b) { if (side[i] == 0) b0++; else b1++; }
        }
        return (double)Math.Max(a0 + b1, a1 + b0) / (a0 + a1 + b0 + b1);
    }

    /// <summary>How far the halves' source mixes differ (total variation distance): 1 = a pure register split.</summary>
    private static double SourceMix(List<int> members, int[] side, List<FeedbackItem> items)
    {
        var n0 = side.Count(s => s == 0); var n1 = side.Length - n0;
        if (n0 == 0 || n1 == 0) return 0;
        double tv = 0;
        foreach (var s in Enum.GetValues<FeedbackSource>())
        {
            var p0 = (double)members.Where((m, i) => side[i] == 0 && items[m].Source == s).Count() / n0;
            var p1 = (double)members.Where((m, i) => side[i] == 1 && items[m].Source == s).Count() / n1;
            tv += Math.Abs(p0 - p1);
        }
        return tv / 2;
    }
}
