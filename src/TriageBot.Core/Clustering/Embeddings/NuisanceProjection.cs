using System.Globalization;

namespace TriageBot.Clustering.Embeddings;

/// <summary>
/// Shrinks an embedding along directions in which reports of one problem differ among themselves (register, tone,
/// language, who is speaking) more than problems differ from each other. The directions are learned offline from
/// labelled scenarios of other products (<c>ClusteringBench nuisance-train</c>), so they carry no product's topics.
/// </summary>
public sealed class NuisanceProjection
{
    private readonly float[][] _directions;
    private readonly float _shrink;

    /// <param name="directions">Orthonormal directions, strongest first.</param>
    /// <param name="keep">Share of each direction's component that is kept (0 removes it).</param>
    public NuisanceProjection(IReadOnlyList<float[]> directions, double keep)
    {
        if (directions.Count > 0 && directions.Any(d => d.Length != directions[0].Length))
            throw new ArgumentException("Every direction must have the same number of dimensions.", nameof(directions));
        _directions = [.. directions];
        _shrink = (float)(1 - keep);
    }

    public int Dimensions => _directions.Length == 0 ? 0 : _directions[0].Length;

    public int Count => _directions.Length;

    /// <summary>Removes the kept-out share of each direction's component from <paramref name="vector"/> in place (not re-normalised).</summary>
    public void Apply(Span<float> vector) => Apply(vector, stackalloc float[_directions.Length]);

    /// <summary><see cref="Apply(Span{float})"/>, writing what was removed along each direction to <paramref name="removed"/>.</summary>
    public void Apply(Span<float> vector, Span<float> removed)
    {
        if (_directions.Length == 0) return;
        if (vector.Length != Dimensions)
            throw new ArgumentException($"The projection has {Dimensions} dimensions, the vector {vector.Length}.", nameof(vector));
        // Components are taken from the input, not from a partly projected vector; the directions are orthonormal, so the
        // order does not matter either way.
        for (var k = 0; k < _directions.Length; k++) removed[k] = VectorMath.Dot(vector, _directions[k]) * _shrink;
        for (var k = 0; k < _directions.Length; k++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_directions[k], -removed[k], vector, vector);
    }

    /// <summary>Undoes <see cref="Apply(Span{float}, Span{float})"/>: adds back what it <paramref name="removed"/>.</summary>
    public void Restore(Span<float> vector, ReadOnlySpan<float> removed)
    {
        for (var k = 0; k < _directions.Length; k++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(_directions[k], removed[k], vector, vector);
    }

    /// <summary>
    /// The strongest nuisance direction of all-MiniLM-L6-v2, shipped with TriageBot: language. Learned from four
    /// products' scenarios by <c>bench/nuisance_train.sh</c>; learned from any three, it is the same direction
    /// (cosine 0.98 or more) and helps on the fourth (docs/benchmarks.md). Read once: the projection never changes.
    /// </summary>
    public static NuisanceProjection MiniLmLanguage() => ShippedLanguage.Value;

    private static readonly Lazy<NuisanceProjection> ShippedLanguage = new(() =>
    {
        using var stream = typeof(NuisanceProjection).Assembly.GetManifestResourceStream("TriageBot.MiniLmNuisance.txt")
            ?? throw new InvalidOperationException("The MiniLM nuisance directions are not embedded in this build.");
        using var reader = new StreamReader(stream);
        return Read(reader, 1, keep: 0);
    });

    /// <summary>Reads directions written one per line as space-separated numbers (invariant culture); takes the first <paramref name="count"/>.</summary>
    public static NuisanceProjection Read(TextReader reader, int count, double keep) => new(ReadDirections(reader, count), keep);

    /// <summary>The directions of a file <c>nuisance-train</c> wrote: comment lines (#) and blank lines skipped; at most <paramref name="count"/>.</summary>
    public static List<float[]> ReadDirections(TextReader reader, int count = int.MaxValue)
    {
        var directions = new List<float[]>();
        while (directions.Count < count && reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            directions.Add(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(x => float.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray());
        }
        return directions;
    }
}
