using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>The fast first reading of a long backtracking pattern (<see cref="PatternScreen"/>).</summary>
public sealed class PatternScreenTests
{
    [Fact]
    public void A_pattern_of_branches_is_read_in_parts_that_together_match_what_it_matches()
    {
        // Branches with groups, an alternation inside a group, a class holding '(' and '|', and an escaped parenthesis.
        const string pattern = @"\b(alpha|beta (x|y)|gamma|[(|]delta|\(epsilon\)|zeta)";
        var screen = new PatternScreen(pattern, parts: 3);
        var whole = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        Assert.Equal(3, screen.Patterns.Count);
        Assert.All(screen.Patterns, p => Assert.StartsWith(@"\b(", p));
        // With no lookbehind to leave out, the parts match exactly what the pattern matches.
        var texts = new[] { "alpha", "a beta y here", "Gamma", "x(delta", "x|delta", "x(epsilon)", "zeta", "beta z", "delta", "(delta", "epsilon", "alphabet" };
        Assert.All(texts, t => Assert.Equal(whole.IsMatch(t), screen.IsMatch(t)));
        Assert.Equal(8, texts.Count(screen.IsMatch)); // "alphabet" too: the pattern has no \b after its branches
    }

    [Fact]
    public void Its_lookbehinds_are_left_out_so_it_matches_wherever_the_pattern_does_and_more()
    {
        var screen = new PatternScreen(@"\b((?<=\[\s*)bots?:|(?<=(^|\n)\s*)note:)", parts: 2);

        Assert.All(screen.Patterns, p => Assert.DoesNotContain("(?<=", p));
        Assert.True(screen.IsMatch("[ bot: hi"));
        Assert.True(screen.IsMatch("a bot: hi"));
        Assert.True(screen.IsMatch("see note: this"));
        Assert.False(screen.IsMatch("a robot"));
    }

    [Fact]
    public void Another_pattern_is_read_whole()
    {
        var screen = new PatternScreen(@"^foo|bar\b", parts: 3);

        Assert.Single(screen.Patterns);
        Assert.True(screen.IsMatch("foo and"));
        Assert.True(screen.IsMatch("a bar"));
        Assert.False(screen.IsMatch("a foo"));
    }
}
