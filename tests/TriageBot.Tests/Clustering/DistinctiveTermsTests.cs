using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public class DistinctiveTermsTests
{
    private static readonly string[] Texts =
    [
        "acme cli fails with error 429 when the agent runs a long task",         // 0: slack, rate limit
        "getting 429'd by acme again, on a paid plan",                           // 1: X, rate limit
        "Rate limit: acme returns HTTP 429 after two requests",                 // 2: GitHub, rate limit
        "acme cannot run commands when the project is under C:\\Users here",    // 3: windows path
        "acme breaks on windows if C:\\Users\\ has a space in the name",         // 4: windows path
        "acme desktop uses 12 GB of memory after a day",                         // 5
        "acme desktop memory keeps growing until restart",                       // 6
        "acme is great, thanks",                                                 // 7
        "acme login loops back to the browser",                                  // 8
        "acme login asks again in every terminal",                               // 9
        "acme docs link returns a page that moved",                              // 10
        "acme plan step numbers are off by one",                                 // 11
    ];

    [Fact]
    public void Error_codes_and_paths_are_distinctive_and_the_product_name_is_not()
    {
        var terms = new DistinctiveTerms(Texts);

        var rateLimit = terms.Top([0, 1, 2], 8);
        var paths = terms.Top([3, 4], 8);

        Assert.Contains("429", rateLimit);
        Assert.Contains(@"c:\users", paths);
        // Used by every item of the run: says nothing about any theme.
        Assert.DoesNotContain("acme", rateLimit);
        Assert.DoesNotContain("acme", paths);
        Assert.Empty(rateLimit.Intersect(paths));
    }

    [Fact]
    public void A_term_must_be_used_by_two_items_of_the_group()
    {
        var terms = new DistinctiveTerms(Texts);

        var top = terms.Top([5, 6], 8);

        Assert.Contains("desktop", top);
        Assert.Contains("memory", top);
        Assert.DoesNotContain("restart", top);
        Assert.DoesNotContain("growing", top);
    }

    [Fact]
    public void Tokens_keep_versions_and_short_numbers_but_drop_short_words()
    {
        var tokens = DistinctiveTerms.Tokens("Since 2.16.0 the CLI got 404 on the docs.");

        Assert.Contains("2.16.0", tokens);
        Assert.Contains("404", tokens);
        Assert.Contains("since", tokens);
        Assert.Contains("docs", tokens);
        Assert.DoesNotContain("the", tokens);
        Assert.DoesNotContain("cli", tokens);
    }

    [Fact]
    public void A_large_run_weighs_terms_from_a_sample_and_still_finds_a_groups_terms()
    {
        // 1,000 copies of the run: frequencies from a sample of 200 texts, a group's terms from 10 of its items.
        var many = Enumerable.Range(0, 1000).SelectMany(_ => Texts).ToList();
        var pathItems = Enumerable.Range(0, many.Count).Where(i => i % Texts.Length is 3 or 4).ToList();
        var sampled = new DistinctiveTerms(many, sample: 200).Top(pathItems, 3);

        Assert.Contains(@"c:\users", sampled);
        Assert.DoesNotContain("acme", sampled);
        Assert.Equal(3, sampled.Count); // the rest are ties between words of one of the two texts each
    }
}
