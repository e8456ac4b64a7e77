using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>A theme too small to stand apart from a larger theme that it reads like gets no ticket of its own.</summary>
public sealed class HeldFragmentsTests
{
    // Unit directions at a known cosine to the first axis.
    private static float[] At(double cosine) => [(float)cosine, (float)Math.Sqrt(1 - cosine * cosine), 0];

    private static WorkingTheme Theme(string id, int size, float[] centroid, bool pinned = false) => new()
    {
        Id = id, Items = [.. Enumerable.Range(0, size).Select(i => $"{id}:{i}")], Centroid = centroid, Pinned = pinned,
    };

    private static readonly Dictionary<string, ThemeKind> Kinds = new()
    {
        ["large"] = ThemeKind.Problem, ["fragment"] = ThemeKind.Problem, ["request"] = ThemeKind.Request, ["other"] = ThemeKind.Problem,
        ["smallfix"] = ThemeKind.SmallFix, ["typo"] = ThemeKind.SmallFix,
    };

    private static Dictionary<string, NearestTheme> Find(params WorkingTheme[] themes) =>
        HeldFragments.Find(themes, t => Kinds[t.Id.Split('-')[0]], maxSize: 3, similarity: 0.25f);

    [Fact]
    public void Three_reports_of_the_same_kind_near_a_larger_theme_are_held_beside_the_nearest()
    {
        // The fragment is 0.30 alike "large" and 0.27 alike "other-b" (0.9 · 0.3).
        var held = Find(Theme("other-b", 6, [0.9f, 0, (float)Math.Sqrt(1 - 0.81)]), Theme("large", 12, At(1)), Theme("fragment", 3, At(0.3)));

        var like = Assert.Single(held);
        Assert.Equal("fragment", like.Key);
        Assert.Equal("large", like.Value.ThemeId);
        Assert.Equal(0.3, like.Value.Similarity, 3);
    }

    [Theory]
    [InlineData(4, 0.3)]  // larger than a theme may start: evidence of a problem of its own
    [InlineData(3, 0.2)]  // not near enough
    public void A_larger_or_farther_theme_is_filed(int size, double cosine) =>
        Assert.Empty(Find(Theme("large", 12, At(1)), Theme("fragment", size, At(cosine))));

    [Fact]
    public void Three_reports_that_ask_for_a_larger_problems_fix_are_held_beside_it() =>
        Assert.Equal("large", Assert.Single(Find(Theme("large", 12, At(1)), Theme("request", 3, At(0.3)))).Value.ThemeId);

    [Fact]
    public void A_small_fix_beside_its_areas_problem_is_filed_however_near() =>
        Assert.Empty(Find(Theme("large", 12, At(1)), Theme("smallfix", 3, At(0.6))));

    [Fact]
    public void A_small_fix_beside_a_larger_small_fix_is_held() =>
        Assert.Equal("typo", Assert.Single(Find(Theme("typo", 5, At(1)), Theme("smallfix", 3, At(0.6)))).Value.ThemeId);

    [Fact]
    public void A_pinned_theme_is_filed() =>
        Assert.Empty(Find(Theme("large", 12, At(1)), Theme("fragment", 3, At(0.6), pinned: true)));

    [Fact]
    public void Two_small_themes_of_one_size_hold_neither() =>
        Assert.Empty(Find(Theme("large", 3, At(1)), Theme("fragment", 3, At(0.9))));

    [Fact]
    public void A_bar_of_zero_holds_nothing() =>
        Assert.Empty(HeldFragments.Find([Theme("large", 12, At(1)), Theme("fragment", 3, At(0.9))], _ => ThemeKind.Problem, 3, 0));
}
