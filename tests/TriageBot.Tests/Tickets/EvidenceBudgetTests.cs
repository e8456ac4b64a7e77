using TriageBot.Tickets;

namespace TriageBot.Tests.Tickets;

public sealed class EvidenceBudgetTests
{
    private static IReadOnlyList<EvidenceLink> Links(int count) =>
        Enumerable.Range(1, count).Select(i => new EvidenceLink($"x:{i}", $"https://x.com/u/status/{i}", $"X post {i}", "")).ToList();

    [Fact]
    public void Small_themes_attach_all_and_large_ones_share_the_rest_after_every_theme_has_its_floor()
    {
        var budget = EvidenceBudget.Share(100, new Dictionary<string, int> { ["a"] = 5, ["b"] = 50, ["c"] = 200 });

        Assert.Equal(5, budget.Take("a", Links(5)).Count);
        // Floors first (5 + 10 + 10), then smallest first with an even share of the 75 left: b 10 + 37, c 10 + 38.
        Assert.Equal(47, budget.Take("b", Links(50)).Count);
        Assert.Equal(48, budget.Take("c", Links(200)).Count);
        Assert.Equal((255, 100), (budget.Wanted, budget.Granted));
        Assert.Equal(Links(200).Take(48).Select(l => l.Url), budget.Take("c", Links(200)).Select(l => l.Url));
    }

    [Fact]
    public void Every_theme_keeps_its_floor_when_the_budget_is_smaller_than_the_floors()
    {
        var budget = EvidenceBudget.Share(EvidenceBudget.Floor, new Dictionary<string, int> { ["a"] = 30, ["b"] = 30, ["c"] = 3 });

        Assert.Equal(EvidenceBudget.Floor, budget.Take("a", Links(30)).Count);
        Assert.Equal(EvidenceBudget.Floor, budget.Take("b", Links(30)).Count);
        Assert.Equal(3, budget.Take("c", Links(3)).Count);
    }

    [Fact]
    public void Within_the_budget_and_for_a_theme_not_shared_out_everything_is_attached()
    {
        var budget = EvidenceBudget.Share(1_000, new Dictionary<string, int> { ["a"] = 300, ["b"] = 400 });

        Assert.Equal(300, budget.Take("a", Links(300)).Count);
        Assert.Equal(400, budget.Take("b", Links(400)).Count);
        Assert.Equal(70, budget.Take("approved by hand", Links(70)).Count);
        Assert.Equal(500, EvidenceBudget.Unlimited.Take("a", Links(500)).Count);
        Assert.Equal((700, 700), (budget.Wanted, budget.Granted));
    }
}
