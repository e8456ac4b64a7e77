namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// The goal board in Linear: a goal linked to a project gets a project update with its part of the board, once a week
/// (Digest:ProjectUpdateEveryDays 7), and a goal naming a project the workspace lacks costs the run nothing.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProjectUpdateRunTests
{
    [Fact]
    public async Task A_goal_linked_to_a_project_gets_its_board_there_once_a_week()
    {
        await using var demo = await DemoSandbox.StartAsync(s =>
        {
            s["Goals:0:LinearProject"] = "bank feeds 2.0";     // g1, by name (any case)
            s["Goals:1:LinearProject"] = "No such project";    // g2: a warning, no update
        });
        var sandbox = demo.Sandbox;

        var first = await demo.RunAsync("r1");
        await demo.RunAsync("r2", demo.Scenario.Now.AddDays(3));
        int updates;
        lock (sandbox.State.Sync)
        {
            var update = Assert.Single(sandbox.State.Linear.ProjectUpdates);
            Assert.Equal("prj-feeds-2", update.ProjectId);
            Assert.Contains("**Bank feeds you can trust**", update.Body);
            // Every ticketed theme the board puts under g1 is in the update with its ticket.
            foreach (var theme in first.Themes.Where(t => t.Goal == "g1" && t.Ticket is not null))
                Assert.Contains($"[{theme.Ticket!.Identifier}]", update.Body);
            Assert.Contains(first.Themes, t => t.Goal == "g1" && t.Ticket is not null);
            updates = sandbox.State.Linear.ProjectUpdates.Count;
        }
        Assert.Empty(first.Warnings ?? []);

        await demo.RunAsync("r3", demo.Scenario.Now.AddDays(8));
        lock (sandbox.State.Sync) Assert.Equal(updates + 1, sandbox.State.Linear.ProjectUpdates.Count(u => u.ProjectId == "prj-feeds-2"));
    }
}
