using TriageBot.Clustering.Embeddings;

namespace TriageBot.Clustering;

/// <summary>Turns texts into L2-normalised vectors of the configured kind: embeddings, lexical, or both joined.</summary>
public sealed class ThemeFeaturizer(ItemEmbedder? embedder, ClusteringOptions options, NuisanceProjection? nuisance = null)
{
    public FeatureKind Kind => options.Features;

    public bool UsesEmbeddings => options.Features != FeatureKind.Lexical && embedder is not null;

    /// <returns>
    /// The feature vectors, and the embeddings alone (null when the features use none). With both kinds of features the
    /// embeddings are read back from the feature vectors (<see cref="EmbeddingReadBack"/>), so a large backlog's are not held twice.
    /// </returns>
    public async Task<(float[][] Features, IReadOnlyList<float[]>? Embeddings)> FeaturizeAsync(
        IReadOnlyList<string> contentHashes, IReadOnlyList<string> texts, IProgress<EmbeddingProgress>? progress, CancellationToken ct,
        IReadOnlyList<string>? registers = null)
    {
        if (options.Features == FeatureKind.Lexical || embedder is null)
        {
            if (options.Features != FeatureKind.Lexical)
                throw new InvalidOperationException($"Clustering:Features is {options.Features} but no embedding generator is configured.");
            // The lexical vectors are this call's own, so they are centred where they are.
            var lexical = Lexical(texts);
            CentreInPlace(lexical, registers);
            return (lexical, null);
        }
        // The lexical features first: their fitting is the step that needs the most working memory, and the
        // embeddings of a large backlog are not held yet while it runs.
        var words = options.Features == FeatureKind.Both ? Lexical(texts) : null;
        var embeddings = await embedder.EmbedAsync(contentHashes, texts, progress, ct);
        if (words is null) return (CentreWithin(embeddings, registers), embeddings);
        CentreInPlace(words, registers);
        // Built in one pass from the stored embeddings: a centred copy of 100,000 embeddings would be one more
        // 150 MB array held beside the joined vectors. The vectors themselves may be shared between items of equal
        // content, so they are never written; the list of them is this call's, and each is let go once joined.
        var (features, readBack) = CombineCentred(embeddings, words, registers, options.EmbeddingWeight);
        return (features, readBack ?? (IReadOnlyList<float[]>)embeddings);
    }

    /// <summary>
    /// Above this many texts the lexical vocabulary, TF-IDF weights and PCA are fitted on a seeded sample of this many
    /// and the other texts only transformed; a run of a few thousand items is featurised exactly as before.
    /// </summary>
    public const int LexicalFitSample = 10000;

    private float[][] Lexical(IReadOnlyList<string> texts) => new LexicalFeaturizer
    {
        Seed = options.Seed, MinCount = options.LexicalMinCount, FitSample = LexicalFitSample,
        Projections = texts.Count <= JoinedProjectionsMaxTexts ? options.LexicalProjections : 1,
    }.Featurize(texts);

    /// <summary>
    /// The most texts whose lexical features join <see cref="ClusteringOptions.LexicalProjections"/> projections. Three
    /// cost about 1.3 s more on a run of a few hundred texts but about 12 s more on 9,000 (docs/benchmarks.md, "Session
    /// 15"), while the gain was measured on runs of 150–1,300 items.
    /// </summary>
    public const int JoinedProjectionsMaxTexts = 2000;

    /// <summary>The index groups that are centred together: one per source, or one for all.</summary>
    private IEnumerable<int[]> CentringGroups(int count, IReadOnlyList<string>? registers) =>
        registers is null || !options.CentrePerSource
            ? [Enumerable.Range(0, count).ToArray()]
            : Enumerable.Range(0, count).GroupBy(i => registers[i]).Select(g => g.ToArray());

    /// <summary><see cref="CentreWithin"/> on vectors this class owns: each is overwritten instead of copied.</summary>
    private void CentreInPlace(float[][] vectors, IReadOnlyList<string>? registers)
    {
        foreach (var members in CentringGroups(vectors.Length, registers)) CentreGroupInPlace(vectors, members);
    }

    /// <summary>Subtracts the members' mean from each member and re-normalises; a group of one is left as it is.</summary>
    private static void CentreGroupInPlace(float[][] vectors, int[] members)
    {
        if (members.Length < 2) return;
        var mean = VectorMath.Mean(members.Select(i => vectors[i]), vectors[members[0]].Length);
        foreach (var i in members)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(vectors[i], mean, vectors[i]);
            VectorMath.Normalize(vectors[i]);
        }
    }

    /// <summary>
    /// <c>Combine(CentreWithin(first), second, weight)</c> without the centred copy of <paramref name="first"/>;
    /// each row of both is released once it is joined (unless the weight leaves nothing of <paramref name="first"/>
    /// in the result). Also returns what reads <paramref name="first"/> back from the result (null: that weight).
    /// </summary>
    private (float[][] Features, EmbeddingReadBack? ReadBack) CombineCentred(float[][] first, float[][] second, IReadOnlyList<string>? registers, double weight)
    {
        float a = (float)Math.Sqrt(weight), b = (float)Math.Sqrt(1 - weight);
        var result = new float[first.Length][];
        var readBack = first.Length == 0 || a == 0 ? null : new EmbeddingReadBack(result, first[0].Length, a, nuisance);
        foreach (var members in CentringGroups(first.Length, registers))
        {
            if (members.Length == 0) continue;
            var dims = first[members[0]].Length;
            // A group of one is left as it is, as Centre leaves a single vector.
            var mean = members.Length < 2 ? null : VectorMath.Mean(members.Select(i => first[i]), dims);
            foreach (var i in members)
            {
                var v = new float[dims + second[i].Length];
                var head = v.AsSpan(0, dims);
                if (mean is null) first[i].CopyTo(head);
                else System.Numerics.Tensors.TensorPrimitives.Subtract(first[i], mean, head);
                var norm = 1f;
                if (mean is not null || nuisance is not null)
                {
                    if (readBack is null) nuisance?.Apply(head);
                    else nuisance?.Apply(head, readBack.RemovedOf(i));
                    norm = VectorMath.Normalize(head);
                }
                readBack?.Record(i, mean, norm);
                System.Numerics.Tensors.TensorPrimitives.Multiply(head, a, head);
                System.Numerics.Tensors.TensorPrimitives.Multiply(second[i], b, v.AsSpan(dims));
                result[i] = v;
                second[i] = null!;
                if (readBack is not null) first[i] = null!;
            }
        }
        return (result, readBack);
    }

    /// <summary>
    /// Centres each register (source) on its own mean. A post, a chat message and an issue
    /// template about one problem differ in length, tone and layout more than in what they say;
    /// that difference is one direction per source, and removing it lets reports of one problem
    /// from different sources meet.
    /// </summary>
    public float[][] CentreWithin(float[][] vectors, IReadOnlyList<string>? registers)
    {
        // A copy: the vectors are the caller's (embeddings may be one array shared by items of equal content).
        var result = vectors.Select(v => (float[])v.Clone()).ToArray();
        CentreInPlace(result, registers);
        if (nuisance is not null)
            foreach (var v in result)
            {
                nuisance.Apply(v);
                VectorMath.Normalize(v);
            }
        return result;
    }

    /// <summary>
    /// Subtracts the corpus mean and re-normalises. Sentence embeddings share a large common
    /// direction (all feedback is about the same product, in the same register); removing it
    /// spreads the themes apart, so one similarity threshold means the same for every product.
    /// </summary>
    public static float[][] Centre(float[][] vectors)
    {
        if (vectors.Length < 2) return vectors;
        var result = vectors.Select(v => (float[])v.Clone()).ToArray();
        CentreGroupInPlace(result, [.. Enumerable.Range(0, result.Length)]);
        return result;
    }

    /// <summary>Joins two normalised vectors so that a dot product is <c>w·cos₁ + (1−w)·cos₂</c>.</summary>
    public static float[][] Combine(float[][] first, float[][] second, double weight)
    {
        float a = (float)Math.Sqrt(weight), b = (float)Math.Sqrt(1 - weight);
        var result = new float[first.Length][];
        for (var i = 0; i < first.Length; i++)
        {
            var v = new float[first[i].Length + second[i].Length];
            for (var d = 0; d < first[i].Length; d++) v[d] = a * first[i][d];
            for (var d = 0; d < second[i].Length; d++) v[first[i].Length + d] = b * second[i][d];
            result[i] = v;
        }
        return result;
    }
}
