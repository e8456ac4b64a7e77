using TriageBot.Domain;

namespace TriageBot.Tests.Tickets;

/// <summary>
/// A theme a person merged into another leaves its ticket behind: the writer marks it a duplicate of the surviving theme's
/// ticket (relation and comment, left open) and forgets it. The clusterer's own merges leave the ticket alone.
/// </summary>
public sealed class MergedThemeTicketTests
{
    [Fact]
    public async Task The_ticket_of_a_theme_a_person_merged_into_another_is_marked_its_duplicate_once()
    {
        await using var h = await TicketHarness.StartAsync();
        var (a, b, all) = await FileTwoHalvesAsync(h, "windows-path-spaces");

        // The next run: one theme holds both halves, and keeps the first half's id.
        var merged = h.Context("th-a", all);
        var survivor = await h.Writer.FileAsync(merged, h.Agent.Summarize(merged), CancellationToken.None);
        Assert.Equal(a.Ticket, survivor!.Ticket);

        var marked = await h.Writer.MarkMergedAsync([merged], new Dictionary<string, TicketOutcome> { ["th-a"] = survivor }, ByPerson, CancellationToken.None);

        var duplicate = Assert.Single(marked);
        Assert.Equal(("th-b", b.Ticket, "th-a", a.Ticket), (duplicate.ThemeId, duplicate.Ticket, duplicate.SurvivorThemeId, duplicate.DuplicateOf));
        Assert.Equal(b.Ticket.Identifier, duplicate.Ticket.Identifier);
        var left = h.Issue(b.Ticket.Identifier);
        var relation = Assert.Single(left.Relations);
        Assert.Equal(("duplicate", h.Issue(a.Ticket.Identifier).Id), (relation.Type, relation.RelatedIssueId));
        Assert.Contains(left.Comments, c => c.Body.Contains($"Duplicate of [{a.Ticket.Identifier}]", StringComparison.Ordinal));
        Assert.Equal("Todo", left.State);
        Assert.Null(await h.Store.GetAsync("th-b", CancellationToken.None));
        Assert.Contains(h.Audit.Entries, e => e.Kind == "linear.issueRelationCreate" && e.Target == b.Ticket.Identifier);

        var calls = h.LinearCalls;
        Assert.Empty(await h.Writer.MarkMergedAsync([merged], new Dictionary<string, TicketOutcome> { ["th-a"] = survivor }, ByPerson, CancellationToken.None));
        Assert.Equal(calls, h.LinearCalls);
    }

    [Fact]
    public async Task The_ticket_of_a_theme_the_clusterer_merged_is_left_as_it_is()
    {
        await using var h = await TicketHarness.StartAsync();
        var (_, b, all) = await FileTwoHalvesAsync(h, "windows-path-spaces");
        var merged = h.Context("th-a", all);
        var survivor = await h.Writer.FileAsync(merged, h.Agent.Summarize(merged), CancellationToken.None);
        var calls = h.LinearCalls;

        // A person merged some other theme into th-a, not th-b: th-b is gone by the clusterer's hand.
        var marked = await h.Writer.MarkMergedAsync([merged], new Dictionary<string, TicketOutcome> { ["th-a"] = survivor! },
            new Dictionary<string, string> { ["th-other"] = "th-a" }, CancellationToken.None);

        Assert.Empty(marked);
        Assert.Equal(calls, h.LinearCalls);
        Assert.Empty(h.Issue(b.Ticket.Identifier).Relations);
        Assert.NotNull(await h.Store.GetAsync("th-b", CancellationToken.None));
    }

    private static readonly Dictionary<string, string> ByPerson = new() { ["th-b"] = "th-a" };

    /// <summary>Files the truth theme's reports as two themes, th-a (the first half) and th-b (the rest), each with a ticket of its own.</summary>
    private static async Task<(TicketOutcome A, TicketOutcome B, List<FeedbackItem> All)> FileTwoHalvesAsync(TicketHarness h, string truthId)
    {
        var all = h.Theme(truthId).Context.Items.ToList();
        Assert.True(all.Count >= 4, $"{truthId} has {all.Count} reports");
        var half = all.Count / 2;
        var a = h.Context("th-a", all.Take(half).ToList());
        var b = h.Context("th-b", all.Skip(half).ToList());
        var filedA = await h.Writer.FileAsync(a, h.Agent.Summarize(a), CancellationToken.None);
        var filedB = await h.Writer.FileAsync(b, h.Agent.Summarize(b), CancellationToken.None);
        Assert.Equal((TicketAction.Created, TicketAction.Created), (filedA!.Action, filedB!.Action));
        Assert.NotEqual(filedA.Ticket.Identifier, filedB.Ticket.Identifier);
        return (filedA, filedB, all);
    }
}
