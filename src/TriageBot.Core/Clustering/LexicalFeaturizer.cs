using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace TriageBot.Clustering;

/// <summary>
/// Lexical features with ML.NET: lower-casing, diacritics and punctuation removed, English stop
/// words dropped, word 1–2-grams and character 3-grams weighted by TF-IDF, L2-normalised, n-grams used by fewer than
/// <see cref="MinCount"/> texts dropped, then
/// projected to <see cref="Dimensions"/> dimensions by ML.NET's randomized PCA (LSA, since the
/// input is not centred) and L2-normalised again so a dot product is a cosine.
/// The vocabulary is fitted on the texts given, so vectors are comparable within one call only.
/// Above <see cref="FitSample"/> texts, the vocabulary, weights and projection are fitted on a seeded sample of that
/// many texts and every other text is only transformed (in parallel): a large backlog's vocabulary is settled long
/// before its last text, and fitting costs several passes where transforming costs one.
/// </summary>
public sealed class LexicalFeaturizer
{
    private sealed class Row
    {
        public string Text { get; set; } = "";
    }

    internal const string Tfidf = "Tfidf";
    internal const string Lsa = "Lsa";
    // Texts per transform task: large enough that ML.NET's per-cursor set-up does not count.
    private const int TransformChunk = 2048;

    private readonly List<(string Step, double Seconds)> _timings = [];

    public int Dimensions { get; init; } = 100;
    public int Seed { get; init; } = 1;
    public bool CharNgrams { get; init; } = true;

    /// <summary>N-grams in fewer texts than this are dropped before the reduction (1 keeps all).</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Above this many texts, fit on a seeded sample of this many and transform the rest.</summary>
    public int FitSample { get; init; } = int.MaxValue;

    /// <summary>
    /// How many PCA projections of the same TF-IDF vectors, each from its own seed, are joined when the fit is not
    /// sampled. ML.NET's PCA is randomized, so one projection moves with its seed; joined (each scaled by 1/√n), two
    /// texts' cosine is the mean of the projections' cosines, and steadier. A sampled fit (a large backlog) makes one.
    /// </summary>
    public int Projections { get; init; } = 1;

    /// <summary>How far apart the seeds of the joined projections are, so that nearby seeds share none.</summary>
    private const int ProjectionSeedStep = 1000;

    /// <summary>
    /// The least <see cref="MinCount"/> when fitting on a sample: an n-gram in one sampled text is rare in the backlog
    /// too, and every n-gram kept costs the PCA and every transformed text a column.
    /// </summary>
    public int SampledMinCount { get; init; } = 2;

    /// <summary>N-grams kept for the reduction in the last <see cref="Featurize"/>.</summary>
    public int SelectedNgrams { get; private set; }

    /// <summary>Seconds per step of the last <see cref="Featurize"/> (fit, transform): where the time goes.</summary>
    public IReadOnlyList<(string Step, double Seconds)> Timings => _timings;

    public float[][] Featurize(IReadOnlyList<string> texts)
    {
        _timings.Clear();
        if (texts.Count == 0) return [];
        var sw = Stopwatch.StartNew();
        var ml = new MLContext(Seed);
        var sample = texts.Count > FitSample ? SampleIndexes(texts.Count, FitSample, Seed) : null;
        var fitTexts = sample is null ? texts : sample.Select(i => texts[i]).ToList();

        var fitData = ml.Data.LoadFromEnumerable(fitTexts.Select(t => new Row { Text = t }));
        var text = ml.Transforms.Text.FeaturizeText(Tfidf, TextOptions(), nameof(Row.Text)).Fit(fitData);
        // The fit set is featurised once more and kept, so count selection, both PCA passes and reading the fit
        // set's own vectors do not tokenise it again.
        var tfidf = ml.Data.Cache(text.Transform(fitData));
        _timings.Add(("fit text", sw.Elapsed.TotalSeconds));
        sw.Restart();
        // An n-gram seen in one text only cannot relate two texts; dropping them (scikit-learn's min_df = 2)
        // shrinks the space the PCA works in several times over. Themes keep them (MinCount 1): in a run's
        // few hundred items, a rare word is often what sets chatter apart from a report.
        var select = ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(Tfidf, count: sample is null ? MinCount : Math.Max(MinCount, SampledMinCount)).Fit(tfidf);
        var selected = select.Transform(tfidf);
        SelectedNgrams = ((VectorDataViewType)selected.Schema[Tfidf].Type).Size;
        _timings.Add(("fit selection", sw.Elapsed.TotalSeconds));
        sw.Restart();
        var rank = Math.Min(Dimensions, Math.Max(1, fitTexts.Count - 1));
        // The TF-IDF vectors are fitted and selected once; only the projections differ.
        var pcas = Enumerable.Range(0, sample is null ? Math.Max(1, Projections) : 1)
            .Select(k => ml.Transforms.ProjectToPrincipalComponents(Lsa, Tfidf, rank: rank, overSampling: 10, ensureZeroMean: false,
                seed: Seed + ProjectionSeedStep * k).Fit(selected))
            .ToList();
        var pca = pcas[0];
        _timings.Add(("fit pca", sw.Elapsed.TotalSeconds));
        sw.Restart();

        float[][] vectors;
        if (sample is null)
            vectors = pcas.Count == 1 ? Read(pca.Transform(selected)) : Joined(pcas.Select(p => Read(p.Transform(selected))).ToList());
        else
        {
            // ML.NET's PCA projects a text with one dot product per component over that component's whole column (a
            // cache miss per n-gram and component); the same matrix laid out one row per n-gram projects a sparse text
            // with one short vector add per n-gram it holds, several times faster on a large backlog.
            var projection = Projection(ml, pca, SelectedNgrams, rank);
            vectors = new float[texts.Count][];
            var fitVectors = Project(selected, projection, rank);
            for (var k = 0; k < sample.Length; k++) vectors[sample[k]] = fitVectors[k];
            var inSample = new bool[texts.Count];
            foreach (var i in sample) inSample[i] = true;
            // A backlog repeats itself ("+1", the same error pasted): each distinct text is transformed once.
            var firstWith = new Dictionary<string, int>(StringComparer.Ordinal);
            var repeats = new List<(int Item, int SameAs)>();
            var rest = new List<int>();
            for (var i = 0; i < texts.Count; i++)
            {
                if (inSample[i]) continue;
                if (firstWith.TryAdd(texts[i], i)) rest.Add(i);
                else repeats.Add((i, firstWith[texts[i]]));
            }
            var model = text.Append(select);
            // Each chunk has its own data view and cursor; the fitted transformers are only read.
            var chunks = rest.Chunk(TransformChunk).ToArray();
            var views = chunks.Select(c => model.Transform(ml.Data.LoadFromEnumerable(c.Select(i => new Row { Text = texts[i] })))).ToArray();
            Parallel.For(0, chunks.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
            {
                var chunkVectors = Project(views[c], projection, rank);
                for (var k = 0; k < chunkVectors.Length; k++) vectors[chunks[c][k]] = chunkVectors[k];
            });
            // Copies, not shared arrays: callers centre and normalise each item's vector in place.
            foreach (var (item, sameAs) in repeats) vectors[item] = (float[])vectors[sameAs].Clone();
        }
        foreach (var v in vectors) VectorMath.Normalize(v);
        _timings.Add(("transform", sw.Elapsed.TotalSeconds));
        return vectors;
    }

    /// <summary>Each part's rows normalised, scaled by 1/√parts and joined: unit rows whose dot product is the parts' mean cosine.</summary>
    private static float[][] Joined(List<float[][]> parts)
    {
        var scale = (float)(1 / Math.Sqrt(parts.Count));
        var joined = new float[parts[0].Length][];
        for (var i = 0; i < joined.Length; i++)
        {
            joined[i] = new float[parts.Sum(p => p[i].Length)];
            var at = 0;
            foreach (var part in parts)
            {
                var row = part[i];
                VectorMath.Normalize(row);
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, scale, joined[i].AsSpan(at, row.Length));
                at += row.Length;
            }
        }
        return joined;
    }

    internal sealed class UnitRow
    {
        public VBuffer<float> Tfidf { get; set; }
    }

    /// <summary>
    /// The fitted PCA as an n-gram × component matrix, row-major: read from ML.NET's own transformer by projecting
    /// each n-gram's unit vector (the PCA is fitted without centring, so the projection is linear).
    /// </summary>
    internal static float[] Projection(MLContext ml, ITransformer pca, int ngrams, int rank)
    {
        var schema = SchemaDefinition.Create(typeof(UnitRow));
        schema[nameof(UnitRow.Tfidf)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ngrams);
        var units = ml.Data.LoadFromEnumerable(
            Enumerable.Range(0, ngrams).Select(j => new UnitRow { Tfidf = new VBuffer<float>(ngrams, 1, [1f], [j]) }), schema);
        var matrix = new float[ngrams * rank];
        var j = 0;
        foreach (var row in pca.Transform(units).GetColumn<VBuffer<float>>(Lsa))
        {
            row.CopyTo(matrix.AsSpan(j * rank, rank));
            j++;
        }
        return matrix;
    }

    /// <summary>Every text's TF-IDF row times <paramref name="projection"/>: one scaled row added per n-gram the text holds.</summary>
    internal static float[][] Project(IDataView view, float[] projection, int rank)
    {
        var result = new List<float[]>();
        foreach (var tfidf in view.GetColumn<VBuffer<float>>(Tfidf))
        {
            var v = new float[rank];
            var values = tfidf.GetValues();
            if (tfidf.IsDense)
                for (var j = 0; j < values.Length; j++) Add(v, projection, j, values[j], rank);
            else
            {
                var indices = tfidf.GetIndices();
                for (var k = 0; k < values.Length; k++) Add(v, projection, indices[k], values[k], rank);
            }
            result.Add(v);
        }
        return [.. result];

        static void Add(float[] v, float[] projection, int ngram, float weight, int rank)
        {
            if (weight == 0) return;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(projection.AsSpan(ngram * rank, rank), weight, v, v);
        }
    }

    private static float[][] Read(IDataView view) =>
        view.GetColumn<VBuffer<float>>(Lsa).Select(v => v.DenseValues().ToArray()).ToArray();

    /// <summary>A seeded sample of <paramref name="size"/> indexes, in index order.</summary>
    private static int[] SampleIndexes(int count, int size, int seed)
    {
        var all = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(all);
        var sample = all[..size];
        Array.Sort(sample);
        return sample;
    }

    private TextFeaturizingEstimator.Options TextOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        StopWordsRemoverOptions = new StopWordsRemovingEstimator.Options { Language = TextFeaturizingEstimator.Language.English },
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = 2,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        },
        CharFeatureExtractor = CharNgrams
            ? new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf }
            : null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
