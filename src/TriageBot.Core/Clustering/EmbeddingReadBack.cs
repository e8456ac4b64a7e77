using System.Collections;
using System.Numerics.Tensors;
using TriageBot.Clustering.Embeddings;

namespace TriageBot.Clustering;

/// <summary>
/// The items' embeddings, read back from the joined feature vectors instead of held beside them: at 100,000 items a
/// second copy is 150 MB, and the actionability check needs them until the run ends. The embedding part of a feature
/// vector is the embedding less its source's mean and its nuisance component, normalised, then weighted; with that
/// norm, the removed component and the mean kept per item, the embedding comes back to float rounding. Each read
/// returns a new array.
/// </summary>
internal sealed class EmbeddingReadBack : IReadOnlyList<float[]>
{
    private readonly float[][] _features;
    private readonly int _dimensions;
    private readonly float _weight;
    private readonly NuisanceProjection? _nuisance;
    private readonly int _directions;
    private readonly float[] _norms;
    private readonly float[] _removed;
    private readonly float[]?[] _means;

    /// <param name="features">The joined vectors; the first <paramref name="dimensions"/> of each are the embedding part.</param>
    /// <param name="weight">What the normalised embedding part was multiplied by.</param>
    public EmbeddingReadBack(float[][] features, int dimensions, float weight, NuisanceProjection? nuisance)
    {
        _features = features;
        _dimensions = dimensions;
        _weight = weight;
        _nuisance = nuisance;
        _directions = nuisance?.Count ?? 0;
        _norms = new float[features.Length];
        _removed = new float[features.Length * _directions];
        _means = new float[]?[features.Length];
    }

    public int Count => _features.Length;

    /// <summary>
    /// Stores what item <paramref name="i"/>'s embedding part lost on its way from the embedding besides the component
    /// the nuisance projection removed (written to <see cref="RemovedOf"/>): the mean it was centred on (null: none) and
    /// its norm before normalising (1: not normalised).
    /// </summary>
    public void Record(int i, float[]? mean, float norm)
    {
        _means[i] = mean;
        _norms[i] = norm;
    }

    /// <summary>The slot <see cref="NuisanceProjection.Apply(Span{float}, Span{float})"/> writes item <paramref name="i"/>'s removed component to.</summary>
    public Span<float> RemovedOf(int i) => _removed.AsSpan(i * _directions, _directions);

    public float[] this[int index]
    {
        get
        {
            var v = new float[_dimensions];
            TensorPrimitives.Multiply(_features[index].AsSpan(0, _dimensions), _norms[index] / _weight, v);
            _nuisance?.Restore(v, RemovedOf(index));
            if (_means[index] is { } mean) TensorPrimitives.Add(v, mean, v);
            return v;
        }
    }

    public IEnumerator<float[]> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
