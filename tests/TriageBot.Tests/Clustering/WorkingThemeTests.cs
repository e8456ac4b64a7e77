using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public sealed class WorkingThemeTests
{
    private static float[] Unit(float x, float y)
    {
        var n = MathF.Sqrt(x * x + y * y);
        return [x / n, y / n];
    }

    // Items 0 and 1 are English reports of the problem; 2 and 3 are in another language, which the model reads by its
    // language: day after day they would pull the centroid toward that language, and draw more of it.
    private static readonly float[][] Vectors = [Unit(1, 0), Unit(1, 0.2f), Unit(0, 1), Unit(0.1f, 1)];
    private static readonly Dictionary<string, int> Index = new() { ["e1"] = 0, ["e2"] = 1, ["f1"] = 2, ["f2"] = 3 };
    private static bool English(int i) => i < 2;

    [Fact]
    public void Only_the_members_the_model_reads_lead_a_themes_centroid()
    {
        var theme = new WorkingTheme { Id = "th-a", Items = ["e1", "f1", "e2", "f2"] };
        var centroid = WorkingTheme.CentroidOf(theme, Index, Vectors, English)!;

        var expected = Unit(Vectors[0][0] + Vectors[1][0], Vectors[0][1] + Vectors[1][1]);
        Assert.Equal(expected[0], centroid[0], 5);
        Assert.Equal(expected[1], centroid[1], 5);
        // All four together would sit between the two directions.
        Assert.True(WorkingTheme.CentroidOf(theme, Index, Vectors, _ => true)![1] > 0.5f);
    }

    [Fact]
    public void A_theme_of_other_language_members_alone_still_has_their_centroid()
    {
        var theme = new WorkingTheme { Id = "th-b", Items = ["f1", "f2"] };
        Assert.Equal([2, 3], WorkingTheme.Leading([2, 3], English));
        Assert.True(WorkingTheme.CentroidOf(theme, Index, Vectors, English)![1] > 0.9f);
    }
}
