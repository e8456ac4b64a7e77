using TriageBot.Domain;

namespace TriageBot.Tests.Tickets;

/// <summary>Where filed tickets stand, read back from the sandbox's Linear for the goal board's progress.</summary>
public sealed class TicketStateTests
{
    [Fact]
    public async Task The_writer_reads_each_tickets_workflow_state_by_issue_id()
    {
        await using var h = await TicketHarness.StartAsync();
        var (windows, windowsDraft) = h.Theme("windows-path-spaces");
        var (crlf, crlfDraft) = h.Theme("diff-viewer-crlf");
        var first = (await h.Writer.FileAsync(windows, windowsDraft, CancellationToken.None))!;
        var second = (await h.Writer.FileAsync(crlf, crlfDraft, CancellationToken.None))!;
        lock (h.Sandbox.State.Sync) h.Issue(second.Ticket.Identifier).State = "In Review";

        var states = await h.Writer.ReadStatesAsync([first.Ticket, second.Ticket], CancellationToken.None);

        Assert.Equal(new TicketState("Todo", "unstarted"), states[first.Ticket.IssueId]);
        Assert.Equal(new TicketState("In Review", "started"), states[second.Ticket.IssueId]);
    }

    [Fact]
    public async Task States_are_read_a_hundred_issues_per_request_and_unknown_ids_are_left_out()
    {
        await using var h = await TicketHarness.StartAsync();
        var known = h.Issue("AGT-343").Id;
        var ids = Enumerable.Range(0, 150).Select(i => $"00000000-0000-0000-0000-{i:D12}").Append(known).ToList();
        var before = h.LinearCalls;

        var states = await h.Linear.GetIssueStatesAsync(ids, CancellationToken.None);

        Assert.Equal(2, h.LinearCalls - before);
        Assert.Equal(known, Assert.Single(states).Key);
        Assert.Equal(("In Progress", "started"), states[known]);
    }
}
