using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public sealed class NearestCentreTests
{
    [Theory]
    [InlineData(37, 484)] // Both: 384 + 100, not a multiple of the vector width
    [InlineData(10, 3)]   // narrower than one vector register
    public void Every_vector_gets_the_centre_with_the_highest_dot_product(int count, int dims)
    {
        var random = new Random(7);
        float[] Vector() => Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var vectors = Enumerable.Range(0, count).Select(_ => Vector()).ToList();
        var centres = Enumerable.Range(0, 9).Select(c => c % 4 == 1 ? null : Vector()).ToList();

        var assigned = NearestCentre.Assign(vectors, centres);

        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(centres[assigned[i]]);
            var best = centres.Where(c => c is not null).Max(c => System.Numerics.Tensors.TensorPrimitives.Dot(c!, vectors[i]));
            Assert.Equal(best, System.Numerics.Tensors.TensorPrimitives.Dot(centres[assigned[i]]!, vectors[i]), 4);
        }
    }
}
