namespace TriageBot.Evaluation;

/// <summary>NMI, ARI, V-measure and Hungarian accuracy scores of a predicted against a true labelling.</summary>
public sealed record ClusteringScores(double Nmi, double Ari, double VMeasure, double Accuracy, int TrueClusters, int PredictedClusters);

/// <summary>
/// External clustering metrics over two labellings of the same items, defined as in scikit-learn:
/// NMI with arithmetic normalisation (= V-measure with beta 1), adjusted Rand index, and accuracy
/// after the best one-to-one matching of predicted to true labels (Hungarian algorithm).
/// </summary>
public static class ClusteringMetrics
{
    public static ClusteringScores Score<TTrue, TPred>(IReadOnlyList<TTrue> truth, IReadOnlyList<TPred> predicted)
        where TTrue : notnull where TPred : notnull
    {
        var table = Contingency(truth, predicted);
        var (homogeneity, completeness) = HomogeneityCompleteness(table);
        var v = homogeneity + completeness == 0 ? 0 : 2 * homogeneity * completeness / (homogeneity + completeness);
        return new ClusteringScores(Nmi(table), Ari(table), v, Accuracy(table), table.Rows, table.Cols);
    }

    public static double Nmi<TTrue, TPred>(IReadOnlyList<TTrue> truth, IReadOnlyList<TPred> predicted)
        where TTrue : notnull where TPred : notnull => Nmi(Contingency(truth, predicted));

    public static double Ari<TTrue, TPred>(IReadOnlyList<TTrue> truth, IReadOnlyList<TPred> predicted)
        where TTrue : notnull where TPred : notnull => Ari(Contingency(truth, predicted));

    public static double HungarianAccuracy<TTrue, TPred>(IReadOnlyList<TTrue> truth, IReadOnlyList<TPred> predicted)
        where TTrue : notnull where TPred : notnull => Accuracy(Contingency(truth, predicted));

    internal sealed record Table(int[,] Counts, int[] RowSums, int[] ColSums, int N)
    {
        public int Rows => RowSums.Length;
        public int Cols => ColSums.Length;
    }

    internal static Table Contingency<TTrue, TPred>(IReadOnlyList<TTrue> truth, IReadOnlyList<TPred> predicted)
        where TTrue : notnull where TPred : notnull
    {
        if (truth.Count != predicted.Count) throw new ArgumentException("Labellings differ in length.");
        var rows = new Dictionary<TTrue, int>();
        var cols = new Dictionary<TPred, int>();
        var r = new int[truth.Count];
        var c = new int[truth.Count];
        for (var i = 0; i < truth.Count; i++)
        {
            if (!rows.TryGetValue(truth[i], out r[i])) rows[truth[i]] = r[i] = rows.Count;
            if (!cols.TryGetValue(predicted[i], out c[i])) cols[predicted[i]] = c[i] = cols.Count;
        }
        var counts = new int[rows.Count, cols.Count];
        var rowSums = new int[rows.Count];
        var colSums = new int[cols.Count];
        for (var i = 0; i < truth.Count; i++)
        {
            counts[r[i], c[i]]++;
            rowSums[r[i]]++;
            colSums[c[i]]++;
        }
        return new Table(counts, rowSums, colSums, truth.Count);
    }

    private static double Entropy(int[] sums, int n)
    {
        double h = 0;
        foreach (var s in sums)
            if (s > 0) h -= (double)s / n * Math.Log((double)s / n);
        return h;
    }

    private static double MutualInformation(Table t)
    {
        double mi = 0;
        for (var i = 0; i < t.Rows; i++)
            for (var j = 0; j < t.Cols; j++)
            {
                var nij = t.Counts[i, j];
                if (nij == 0) continue;
                mi += (double)nij / t.N * Math.Log((double)nij * t.N / ((double)t.RowSums[i] * t.ColSums[j]));
            }
        return Math.Max(0, mi);
    }

    private static double Nmi(Table t)
    {
        if (t.N == 0) return 1;
        var hu = Entropy(t.RowSums, t.N);
        var hv = Entropy(t.ColSums, t.N);
        // Both labellings a single cluster (or identical trivial ones): perfect agreement, as in scikit-learn.
        if (t.Rows == t.Cols && (t.Rows == 1 || t.Rows == t.N)) return 1;
        var denominator = (hu + hv) / 2;
        return denominator <= 0 ? 0 : Math.Min(1, MutualInformation(t) / denominator);
    }

    private static (double Homogeneity, double Completeness) HomogeneityCompleteness(Table t)
    {
        if (t.N == 0) return (1, 1);
        var hc = Entropy(t.RowSums, t.N);
        var hk = Entropy(t.ColSums, t.N);
        var mi = MutualInformation(t);
        return (hc == 0 ? 1 : mi / hc, hk == 0 ? 1 : mi / hk);
    }

    private static double Ari(Table t)
    {
        static double Pairs(double x) => x * (x - 1) / 2;
        double index = 0, a = 0, b = 0;
        for (var i = 0; i < t.Rows; i++)
            for (var j = 0; j < t.Cols; j++)
                index += Pairs(t.Counts[i, j]);
        foreach (var s in t.RowSums) a += Pairs(s);
        foreach (var s in t.ColSums) b += Pairs(s);
        var total = Pairs(t.N);
        if (total == 0) return 1;
        var expected = a * b / total;
        var max = (a + b) / 2;
        // Both trivial (all singletons or one cluster each): scikit-learn defines this as 1.
        return max == expected ? 1 : (index - expected) / (max - expected);
    }

    private static double Accuracy(Table t)
    {
        if (t.N == 0) return 1;
        // Hungarian wants rows <= columns; maximise matched counts = minimise negated counts.
        var transpose = t.Rows > t.Cols;
        int n = transpose ? t.Cols : t.Rows, m = transpose ? t.Rows : t.Cols;
        var cost = new double[n, m];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < m; j++)
                cost[i, j] = -(transpose ? t.Counts[j, i] : t.Counts[i, j]);
        var assignment = HungarianAlgorithm.Solve(cost);
        long matched = 0;
        for (var i = 0; i < n; i++)
            matched += transpose ? t.Counts[assignment[i], i] : t.Counts[i, assignment[i]];
        return (double)matched / t.N;
    }
}
