using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public sealed class NearestCentreTests
{
    [Theory]
    [InlineData(37, 484, 9)]   // Both: 384 + 100, not a multiple of the vector width
    [InlineData(10, 3, 9)]     // narrower than one vector register
    [InlineData(150, 484, 201)] // several chunks of vectors (one short) and tiles of centres (an odd count of them)
    public void Every_vector_gets_the_centre_with_the_highest_dot_product(int count, int dims, int centreCount)
    {
        var random = new Random(7);
        float[] Vector() => Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var vectors = Enumerable.Range(0, count).Select(_ => Vector()).ToList();
        var centres = Enumerable.Range(0, centreCount).Select(c => c % 4 == 1 ? null : Vector()).ToList();

        var assigned = NearestCentre.Assign(vectors, centres);

        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(centres[assigned[i]]);
            var best = centres.Where(c => c is not null).Max(c => System.Numerics.Tensors.TensorPrimitives.Dot(c!, vectors[i]));
            Assert.Equal(best, System.Numerics.Tensors.TensorPrimitives.Dot(centres[assigned[i]]!, vectors[i]), 4);
        }
    }

    [Fact]
    public void Of_two_equal_centres_in_different_tiles_the_first_wins()
    {
        var random = new Random(3);
        float[] Vector() => Enumerable.Range(0, 484).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var centres = Enumerable.Range(0, 200).Select(_ => Vector()).ToList();
        centres[190] = (float[])centres[2].Clone();
        // Each vector is a centre itself, so its nearest is unambiguous except between the equal two.
        var vectors = new[] { 2, 190, 5, 150, 2, 2, 2, 199 }.Select(c => (float[])centres[c].Clone()).ToList();
        foreach (var v in vectors) System.Numerics.Tensors.TensorPrimitives.Multiply(v, 10f, v);

        var assigned = NearestCentre.Assign(vectors, centres);

        Assert.Equal([2, 2, 5, 150, 2, 2, 2, 199], assigned);
    }

    [Fact]
    public void A_vector_of_another_length_is_refused()
    {
        var vectors = new List<float[]> { new float[16], new float[16], new float[16], new float[8] };

        Assert.Throws<ArgumentException>(() => NearestCentre.Assign(vectors, [new float[16]]));
    }
}
