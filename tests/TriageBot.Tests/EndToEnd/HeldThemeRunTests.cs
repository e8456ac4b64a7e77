using TriageBot.Reports;

namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// The held rule through the whole run: a theme the clusterer holds beside a larger one it reads like reaches the
/// report without a ticket and naming that theme, and Linear gets no issue for it.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class HeldThemeRunTests
{
    [Fact]
    public async Task A_held_theme_is_reported_without_a_ticket_and_with_the_theme_it_reads_like()
    {
        // A bar this low holds the demo's three-report theme beside a larger theme; the default (0.22) does not.
        await using var demo = await DemoSandbox.StartAsync(settings => settings["Clustering:HoldFragmentSimilarity"] = "0.01");
        var sandbox = demo.Sandbox;

        var report = await demo.RunAsync("r1");
        var held = report.Themes.Where(t => t.ReadsLike is not null).ToList();
        Assert.NotEmpty(held);
        foreach (var theme in held)
        {
            Assert.Null(theme.Ticket);
            Assert.True(theme.Items.Count <= 3, $"{theme.Id} holds {theme.Items.Count} items");
            Assert.True(report.Themes.Single(t => t.Id == theme.ReadsLike).Items.Count > theme.Items.Count);
            lock (sandbox.State.Sync) Assert.DoesNotContain(sandbox.State.Linear.Issues, i => i.Title == theme.Title);
        }
        Assert.All(report.Themes.Where(t => t.ReadsLike is null && t.Items.Count >= 2), t => Assert.NotNull(t.Ticket));
        // The PM's digest counts them beside the tickets, so a theme without one does not look dropped.
        var digest = await File.ReadAllTextAsync(Path.Combine(demo.Dir, "r1", DigestFileWriter.MarkdownFileName));
        Assert.Contains($", {held.Count} held (read like a larger theme)", digest);
    }
}
