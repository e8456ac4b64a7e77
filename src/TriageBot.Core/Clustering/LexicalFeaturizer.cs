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
/// </summary>
public sealed class LexicalFeaturizer
{
    private sealed class Row
    {
        public string Text { get; set; } = "";
    }

    public int Dimensions { get; init; } = 100;
    public int Seed { get; init; } = 1;
    public bool CharNgrams { get; init; } = true;

    /// <summary>N-grams in fewer texts than this are dropped before the reduction (1 keeps all).</summary>
    public int MinCount { get; init; } = 1;

    public float[][] Featurize(IReadOnlyList<string> texts)
    {
        if (texts.Count == 0) return [];
        var ml = new MLContext(Seed);
        var data = ml.Data.LoadFromEnumerable(texts.Select(t => new Row { Text = t }));
        var options = new TextFeaturizingEstimator.Options
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
        var rank = Math.Min(Dimensions, Math.Max(1, texts.Count - 1));
        var pipeline = ml.Transforms.Text.FeaturizeText("Tfidf", options, nameof(Row.Text))
            // An n-gram seen in one text only cannot relate two texts; dropping them (scikit-learn's min_df = 2)
            // shrinks the space the PCA works in several times over. Themes keep them (MinCount 1): in a run's
            // few hundred items, a rare word is often what sets chatter apart from a report.
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("Tfidf", count: MinCount))
            .Append(ml.Transforms.ProjectToPrincipalComponents("Lsa", "Tfidf", rank: rank, overSampling: 10, ensureZeroMean: false, seed: Seed));
        var transformed = pipeline.Fit(data).Transform(data);
        var vectors = transformed.GetColumn<VBuffer<float>>("Lsa").Select(v => v.DenseValues().ToArray()).ToArray();
        foreach (var v in vectors) VectorMath.Normalize(v);
        return vectors;
    }
}
