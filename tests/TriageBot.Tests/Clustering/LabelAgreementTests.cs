using TriageBot.Clustering;
using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

public class LabelAgreementTests
{
    private static FeedbackItem Issue(int n, params string[] labels) => new()
    {
        Id = $"github:acme/app#{n}", Source = FeedbackSource.GitHub, Location = "acme/app", Body = "b", Url = $"https://github.com/acme/app/issues/{n}",
        CreatedAt = DateTimeOffset.Parse("2026-11-19T09:00:00Z"), Labels = labels,
    };

    // Twelve labelled issues: "bug" on eight (a kind of issue), each area on two to four (areas), and two posts without labels.
    private static readonly FeedbackItem[] Run =
    [
        Issue(0, "bug", "keybindings"), Issue(1, "bug", "keybindings", "needs-triage"), Issue(2, "bug", "keybindings"), Issue(3, "Bug", "Keybindings"),
        Issue(4, "bug", "inline-chat"), Issue(5, "bug", "inline-chat"),
        Issue(6, "bug", "auth"), Issue(7, "bug", "auth"),
        Issue(8, "enhancement", "themes"), Issue(9, "enhancement", "themes"), Issue(10, "enhancement"), Issue(11, "enhancement"),
        Issue(12), Issue(13),
    ];

    private static double? Agreement(int[] a, int[] b, int minIssues = 1)
    {
        var labels = new LabelAgreement(Run);
        return labels.Of(labels.ProfileOf(a), labels.ProfileOf(b), minIssues);
    }

    [Fact]
    public void Two_pieces_with_the_same_area_label_agree_whatever_the_case_and_the_process_labels()
    {
        Assert.Equal(1.0, Agreement([0, 2], [3, 12])!.Value, 6);
        // "needs-triage" on one issue of one side: where the issue is in triage, not what it is about.
        Assert.Equal(1.0, Agreement([0, 1], [2, 3])!.Value, 6);
    }

    [Theory]
    [InlineData("needs-triage")]
    [InlineData("P1")]
    [InlineData("priority: high")]
    [InlineData("good first issue")]
    [InlineData("status: blocked")]
    public void Process_labels_name_no_area(string label)
    {
        // Both sides share "bug" and, on one issue each, the process label: rare enough to pass for an area (two of
        // eight labelled issues), so only knowing what it is keeps the two from agreeing.
        var run = new[]
        {
            Issue(0, "bug", "keybindings"), Issue(1, "bug", "keybindings", label), Issue(2, "bug", "inline-chat"),
            Issue(3, "bug", "inline-chat", label), Issue(4, "bug", "auth"), Issue(5, "bug", "auth"), Issue(6, "docs"), Issue(7, "docs"),
        };
        var labels = new LabelAgreement(run);
        Assert.Equal(0, labels.Of(labels.ProfileOf([0, 1]), labels.ProfileOf([2, 3])));
        // An area label that merely looks like one of them still counts.
        var areas = new LabelAgreement([Issue(0, "bug", "triangle"), Issue(1, "bug", "triangle"), Issue(2, "bug"), Issue(3, "bug"), Issue(4, "bug"), Issue(5, "bug")]);
        Assert.Equal(1.0, areas.Of(areas.ProfileOf([0]), areas.ProfileOf([1]))!.Value, 6);
    }

    [Fact]
    public void Pieces_that_share_only_the_kind_of_issue_do_not_agree() =>
        Assert.Equal(0, Agreement([0, 2], [4, 5]));

    [Fact]
    public void No_labelled_issue_or_too_few_says_nothing()
    {
        Assert.Null(Agreement([0, 2], [12, 13]));
        Assert.Null(Agreement([0, 2], [4, 12], minIssues: 2));
        Assert.NotNull(Agreement([0, 2], [4, 5], minIssues: 2));
    }

    [Fact]
    public void A_group_labelled_only_with_a_kind_of_issue_may_be_in_any_area()
    {
        // Issues 2 and 3 carry only "bug" (on six of eight): not evidence of another area, so no veto either.
        var run = new[] { Issue(0, "bug", "keybindings"), Issue(1, "bug", "keybindings"), Issue(2, "bug"), Issue(3, "bug"),
            Issue(4, "bug", "auth"), Issue(5, "bug", "auth"), Issue(6, "docs"), Issue(7, "docs") };
        var labels = new LabelAgreement(run);
        Assert.Null(labels.Of(labels.ProfileOf([0, 1]), labels.ProfileOf([2, 3])));
        Assert.Equal(0, labels.Of(labels.ProfileOf([0, 1]), labels.ProfileOf([4, 5])));
    }

    [Fact]
    public void A_label_on_most_labelled_issues_names_no_area()
    {
        // Both carry only "bug" (on eight of twelve): nothing to go by.
        var run = new[] { Issue(0, "bug"), Issue(1, "bug"), Issue(2, "bug"), Issue(3, "bug"), Issue(4, "docs") };
        var labels = new LabelAgreement(run);
        Assert.Null(labels.Of(labels.ProfileOf([0, 1]), labels.ProfileOf([2, 3])));
        // "enhancement" (on four of twelve) is an area for the rule, but a piece that adds its own area agrees less.
        Assert.InRange(Agreement([10, 11], [8, 9])!.Value, 0.3, 0.7);
    }
}
