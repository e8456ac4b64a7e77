namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// A run whose evidence does not fit its budget (<c>Tickets:MaxEvidencePerRun</c>, which keeps a first run over a large
/// backlog within Linear's hourly limit): every theme still gets its ticket, each attaches its first links, and the next
/// runs attach the rest to the same tickets, never filing a second one.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class EvidenceBudgetRunTests
{
    [Fact]
    public async Task Evidence_over_the_budget_is_attached_by_the_next_runs_to_the_same_tickets()
    {
        await using var unbudgeted = await DemoSandbox.StartAsync();
        var expected = (await unbudgeted.RunAsync("r1")).Themes.Where(t => t.Ticket is not null).ToDictionary(t => t.Id, t => t.Items.Count);
        await using var demo = await DemoSandbox.StartAsync(s => s["Tickets:MaxEvidencePerRun"] = "10");
        var sandbox = demo.Sandbox;

        var first = await demo.RunAsync("r1");
        var ticketed = first.Themes.Where(t => t.Ticket is not null).ToList();
        Assert.Equal(expected, ticketed.ToDictionary(t => t.Id, t => t.Items.Count));
        var created = ticketed.Where(t => t.Ticket!.Action == "created").ToList();
        Assert.Contains(created, t => t.Items.Count > 10);
        int Attached(string identifier)
        {
            lock (sandbox.State.Sync) return sandbox.State.Linear.FindIssue(identifier)!.Attachments.Count;
        }
        Assert.All(created, t => Assert.Equal(Math.Min(t.Items.Count, 10), Attached(t.Ticket!.Identifier)));

        var runs = 1;
        while (created.Any(t => Attached(t.Ticket!.Identifier) < t.Items.Count) && runs < 5)
        {
            var next = await demo.RunAsync($"r{++runs}");
            Assert.DoesNotContain(next.Themes, t => t.Ticket?.Action == "created");
            Assert.All(created, t => Assert.Equal(t.Ticket!.Identifier, next.Themes.Single(n => n.Id == t.Id).Ticket!.Identifier));
        }
        Assert.All(created, t => Assert.Equal(t.Items.Count, Attached(t.Ticket!.Identifier)));
        Assert.InRange(runs, 2, 5);
    }
}
