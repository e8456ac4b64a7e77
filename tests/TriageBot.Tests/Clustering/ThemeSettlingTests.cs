using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public class ThemeSettlingTests
{
    private static float[] V(params float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / n).ToArray();
    }

    private static SettlingTheme New(int dims) => new(new float[dims], 0, null, IsNew: true);

    [Fact]
    public void An_item_goes_to_the_theme_it_is_nearest_once_centroids_have_followed_their_items()
    {
        // Theme 0 starts with an item that belongs with theme 1's items.
        float[][] vectors = [V(1, 0, 0), V(1, 0.1f, 0), V(0.9f, 0.1f, 0), V(0, 1, 0), V(0, 1, 0.1f), V(0.1f, 1, 0), V(0.1f, 0.9f, 0)];
        int[] start = [0, 0, 0, 1, 1, 1, 0];
        var result = ThemeSettling.Run([New(3), New(3)], vectors, start, Enumerable.Repeat(0.25f, 7).ToList(),
            Enumerable.Repeat(false, 7).ToList(), margin: 0.02f, minThemeSize: 3, maxRounds: 10, default);
        Assert.Equal([0, 0, 0, 1, 1, 1, 1], result);
    }

    [Fact]
    public void An_item_far_from_every_theme_or_between_two_becomes_noise()
    {
        float[][] vectors = [V(1, 0, 0), V(1, 0.1f, 0), V(1, 0, 0.1f), V(0, 1, 0), V(0, 1, 0.1f), V(0.1f, 1, 0), V(0, 0, 1), V(1, 1, 0)];
        int[] start = [0, 0, 0, 1, 1, 1, 0, 1];
        var result = ThemeSettling.Run([New(3), New(3)], vectors, start, Enumerable.Repeat(0.25f, 8).ToList(),
            Enumerable.Repeat(false, 8).ToList(), margin: 0.02f, minThemeSize: 3, maxRounds: 10, default);
        Assert.Equal(-1, result[6]); // far from both
        Assert.Equal(-1, result[7]); // as near one as the other
        Assert.Equal([0, 0, 0, 1, 1, 1], result[..6]);
    }

    [Fact]
    public void A_new_theme_that_falls_below_the_minimum_size_dissolves_and_its_items_settle_again()
    {
        // Theme 1 holds two items near theme 0 and one far from everything: it loses them and dissolves.
        float[][] vectors = [V(1, 0, 0), V(1, 0.1f, 0), V(1, 0, 0.1f), V(1, 0.2f, 0), V(1, 0.2f, 0.1f), V(0, 0, 1)];
        int[] start = [0, 0, 0, 1, 1, 1];
        var result = ThemeSettling.Run([New(3), New(3)], vectors, start, Enumerable.Repeat(0.25f, 6).ToList(),
            Enumerable.Repeat(false, 6).ToList(), margin: 0f, minThemeSize: 3, maxRounds: 10, default);
        Assert.Equal([0, 0, 0, 0, 0, -1], result);
    }

    [Fact]
    public void Items_that_follow_join_a_theme_but_never_drag_its_centroid_toward_more_of_their_kind()
    {
        // Six members at 0°, then six items each at 12°, 24°, 36°, 48° and 60°, bar cos 22°. Pulling the
        // centroid, the theme crawls along the chain; as followers, only the items at 12° join.
        var vectors = Enumerable.Repeat(0.0, 6).Concat(Enumerable.Range(1, 5).SelectMany(step => Enumerable.Repeat(step * 12.0, 6))).Select(Angle).ToList();
        var start = vectors.Select((_, i) => i < 6 ? 0 : -1).ToList();
        var bars = Enumerable.Repeat((float)Math.Cos(22 * Math.PI / 180), vectors.Count).ToList();
        var pulling = ThemeSettling.Run([New(3)], vectors, start, bars, vectors.Select(_ => false).ToList(), 0f, 3, 30, default);
        var following = ThemeSettling.Run([New(3)], vectors, start, bars, vectors.Select((_, i) => i >= 6).ToList(), 0f, 3, 30, default);
        Assert.True(pulling.Count(t => t == 0) > 12, string.Join(",", pulling));
        Assert.Equal(12, following.Count(t => t == 0));
        Assert.All(following.Skip(12), t => Assert.Equal(-1, t));
    }

    [Fact]
    public void Followers_never_outnumber_the_members_that_make_a_theme_and_the_nearest_stay()
    {
        // Three members at 0°; five followers at 5°, 10°, 15°, 20° and 25°, all within the bar (cos 30°).
        var vectors = new[] { 0.0, 0, 0, 25, 5, 20, 10, 15 }.Select(Angle).ToList();
        var start = vectors.Select((_, i) => i < 3 ? 0 : -1).ToList();
        var bars = Enumerable.Repeat((float)Math.Cos(30 * Math.PI / 180), vectors.Count).ToList();
        var result = ThemeSettling.Run([New(3)], vectors, start, bars, vectors.Select((_, i) => i >= 3).ToList(), 0f, 3, 10, default);
        Assert.Equal([0, 0, 0, -1, 0, -1, 0, 0], result);
    }

    private static float[] Angle(double degrees) => V((float)Math.Cos(degrees * Math.PI / 180), (float)Math.Sin(degrees * Math.PI / 180), 0);

    [Fact]
    public void A_theme_from_an_earlier_run_keeps_its_place_through_members_that_do_not_move()
    {
        // The earlier theme's fixed members sit at (1,0,0); two new items nearer a new theme stay out of it.
        var earlier = new SettlingTheme(V(1, 0, 0).Select(x => x * 5).ToArray(), 5, null, IsNew: false);
        float[][] vectors = [V(0.2f, 1, 0), V(0.3f, 1, 0), V(0.25f, 1, 0.1f), V(1, 0.1f, 0)];
        int[] start = [1, 1, 1, -1];
        var result = ThemeSettling.Run([earlier, New(3)], vectors, start, Enumerable.Repeat(0.25f, 4).ToList(),
            Enumerable.Repeat(false, 4).ToList(), 0.02f, 3, 10, default);
        Assert.Equal([1, 1, 1, 0], result);
    }
}
