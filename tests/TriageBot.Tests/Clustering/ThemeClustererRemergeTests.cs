using TriageBot.Domain;

namespace TriageBot.Tests.Clustering;

/// <summary>The merge rules read again after links have moved reports: what a link brings can put two pieces of one problem nearer.</summary>
public partial class ThemeClustererTests
{
    [Theory]
    // The pieces are less than 0.5 alike until the pointers move, then about 0.72.
    [InlineData(0.5, true)]
    [InlineData(0.95, false)]
    public async Task Pieces_that_links_bring_nearer_merge_after_the_links_are_followed(double kindBar, bool merged)
    {
        OnlyTheSameKindRuleMerges(kindBar);
        _options.LabelMergeSimilarity = 0;
        _options.LabelMergeSoleAreaMinIssues = 0;
        var generator = new KeywordEmbeddingGenerator("login", "export", "dark mode", "shortcut", "chord", "remap");
        FeedbackItem[] items =
        [
            .. Day1,
            .. Enumerable.Range(0, 3).Select(k => Item($"a:{k}", "the extension takes over the shortcut and breaks every chord")),
            .. Enumerable.Range(0, 3).Select(k => Item($"b:{k}", "I cannot remap the shortcut, it comes back after a reload")),
            // In the words of the second piece, linking the first: linkage puts them with the second, the links with the first.
            .. Enumerable.Range(0, 3).Select(k => Item($"r:{k}", $"remap the shortcut fails here too, same as https://x/a:{k}")),
        ];

        var result = await Create(generator).ClusterAsync(items, [], default);

        var first = result.Themes.Single(t => t.ItemIds.Contains("a:0"));
        Assert.Contains("r:0", first.ItemIds);
        Assert.Equal(merged, first.ItemIds.Contains("b:0"));
        // Joined after the links moved the pointers: the first piece is the larger of the two.
        Assert.Equal(merged, result.Events.Any(e => e.Kind == "merged" && e.Reason.EndsWith("sizes 6 + 3", StringComparison.Ordinal)));
    }
}
