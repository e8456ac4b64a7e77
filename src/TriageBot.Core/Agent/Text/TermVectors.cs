namespace TriageBot.Agent.Text;

/// <summary>Sparse TF-IDF vectors over a small set of documents (one theme's sentences or items).</summary>
public sealed class TermVectors
{
    private readonly Dictionary<string, double> _idf;

    public IReadOnlyList<Dictionary<string, double>> Vectors { get; }

    /// <summary>Mean of the normalised vectors: the "typical" document of the set.</summary>
    public Dictionary<string, double> Centroid { get; }

    /// <summary>In how many documents each term occurs.</summary>
    public IReadOnlyDictionary<string, int> DocumentFrequency { get; }

    public TermVectors(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in documents)
        {
            foreach (var term in doc.Distinct())
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }
        DocumentFrequency = df;
        var n = Math.Max(1, documents.Count);
        // Smoothed so a term in every document still counts: shared words are what a theme is about.
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + (double)n / kv.Value), StringComparer.Ordinal);
        Vectors = documents.Select(Vectorize).ToList();
        Centroid = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in Vectors)
        {
            foreach (var (term, w) in v)
            {
                Centroid[term] = Centroid.GetValueOrDefault(term) + w / n;
            }
        }
    }

    public Dictionary<string, double> Vectorize(IReadOnlyList<string> terms)
    {
        var tf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in terms)
        {
            tf[t] = tf.GetValueOrDefault(t) + 1;
        }
        foreach (var key in tf.Keys.ToList())
        {
            tf[key] = (1 + Math.Log(tf[key])) * _idf.GetValueOrDefault(key, Math.Log(2.0));
        }
        return Normalise(tf);
    }

    public static Dictionary<string, double> Normalise(Dictionary<string, double> v)
    {
        var norm = Math.Sqrt(v.Values.Sum(x => x * x));
        if (norm <= 0) return v;
        return v.ToDictionary(kv => kv.Key, kv => kv.Value / norm, StringComparer.Ordinal);
    }

    public static double Cosine(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double dot = 0;
        foreach (var (term, w) in a)
        {
            if (b.TryGetValue(term, out var x)) dot += w * x;
        }
        var na = Math.Sqrt(a.Values.Sum(x => x * x));
        var nb = Math.Sqrt(b.Values.Sum(x => x * x));
        return na > 0 && nb > 0 ? dot / (na * nb) : 0;
    }
}
