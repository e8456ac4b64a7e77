using TriageBot.Hosting;
using TriageBot.Sandbox;
using TriageBot.Tests.Support;

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
        var scenario = SandboxConfiguration.WithDigestChannel(ScenarioFile.Load(Path.Combine(SandboxFixture.RepoRoot, "scenarios", "demo.json")));
        await using var sandbox = await SandboxHost.StartAsync(scenario, SandboxConfiguration.OptionsFor(scenario, 0), CancellationToken.None);
        var dir = CliRunner.TempDir();
        var config = await CliRunner.WriteRunConfigAsync(sandbox, scenario, dir, s =>
        {
            s["Goals:0:LinearProject"] = "bank feeds 2.0";     // g1, by name (any case)
            s["Goals:1:LinearProject"] = "No such project";    // g2: a warning, no update
        });

        async Task<TriageBot.Reports.RunReport> Run(string name, DateTimeOffset now)
        {
            var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "--config", config, "--now", now.ToString("O"), "--out", Path.Combine(dir, name));
            Assert.True(exit == 0, stderr + stdout);
            return TriageBot.Reports.RunReport.FromJson(await File.ReadAllTextAsync(Path.Combine(dir, name, "report.json")));
        }

        var first = await Run("r1", scenario.Now);
        await Run("r2", scenario.Now.AddDays(3));
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

        await Run("r3", scenario.Now.AddDays(8));
        lock (sandbox.State.Sync) Assert.Equal(updates + 1, sandbox.State.Linear.ProjectUpdates.Count(u => u.ProjectId == "prj-feeds-2"));
    }
}
