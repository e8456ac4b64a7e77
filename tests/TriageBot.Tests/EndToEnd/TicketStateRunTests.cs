using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TriageBot.Agent;
using TriageBot.Domain;
using TriageBot.Pipeline;
using TriageBot.Sandbox;
using TriageBot.Tickets;

namespace TriageBot.Tests.EndToEnd;

/// <summary>
/// The goal board's ticket progress through a whole run on the demo scenario: each ticket's workflow state is read back
/// from Linear after filing, and a failed read costs the board its progress, not the run.
/// </summary>
public sealed class TicketStateRunTests
{
    [Fact]
    public async Task A_run_reports_where_each_ticket_stands_and_the_goal_board_counts_them()
    {
        await using var run = await Run.StartAsync(services => { });
        var first = await run.RunAsync();
        var ticketed = first.Report.Themes.Where(t => t.Ticket is not null).ToList();
        Assert.All(ticketed.Where(t => t.Ticket!.Action == "created"), t => Assert.Equal(("Todo", "unstarted"), (t.Ticket!.State, t.Ticket.StateType)));
        // A ticket the team had filed by hand keeps the state the team gave it.
        Assert.Contains(ticketed, t => t.Ticket!.Action == "updated" && t.Ticket.State == "In Progress");

        // The team finishes one goal's only ticket and starts another's; the next morning's board says so.
        var goals = ticketed.Where(t => t.Goal is not null).GroupBy(t => t.Goal!).ToList();
        var finished = goals.First(g => g.Count() == 1).Single();
        var started = ticketed.First(t => t.Goal is not null && t.Goal != finished.Goal && t.Ticket!.State == "Todo");
        lock (run.Sandbox.State.Sync)
        {
            run.Sandbox.State.Linear.Issues.Single(i => i.Identifier == finished.Ticket!.Identifier).State = "Done";
            run.Sandbox.State.Linear.Issues.Single(i => i.Identifier == started.Ticket!.Identifier).State = "In Review";
        }
        var second = await run.RunAsync();

        var done = second.Report.Themes.Single(t => t.Id == finished.Id).Ticket!;
        Assert.Equal(("unchanged", "Done", "completed"), (done.Action, done.State, done.StateType));
        Assert.Equal("started", second.Report.Themes.Single(t => t.Id == started.Id).Ticket!.StateType);
        var digest = await File.ReadAllTextAsync(Path.Combine(run.OutDir, "digest.md"));
        Assert.Contains($"[{done.Identifier}]({done.Url}) (unchanged, Done)", digest);
        Assert.Contains("; 1 of 1 ticket done.", digest);
        Assert.Contains(" in progress.", digest);
        Assert.Empty(second.Report.Warnings ?? []);
        // Both runs fell on one day: the channel holds one digest, edited to the second run's board.
        var post = Assert.Single(run.Sandbox.State.Slack.Posts);
        Assert.NotNull(post.EditedAt);
        Assert.Contains("1 of 1 ticket done", post.BlocksJson);
    }

    [Fact]
    public async Task When_the_states_cannot_be_read_the_run_still_files_and_says_so()
    {
        await using var run = await Run.StartAsync(services =>
            services.AddSingleton<ITicketWriter>(sp => new StatesUnreadable(sp.GetRequiredService<LinearTicketWriter>())));

        var outcome = await run.RunAsync();

        Assert.Contains(outcome.Report.Themes, t => t.Ticket?.Action == "created");
        Assert.All(outcome.Report.Themes.Where(t => t.Ticket is not null), t => Assert.Null(t.Ticket!.StateType));
        Assert.Contains(outcome.Report.Warnings!, w => w.Contains("reading ticket states", StringComparison.Ordinal));
        Assert.DoesNotContain("tickets done", await File.ReadAllTextAsync(Path.Combine(run.OutDir, "digest.md")));
    }

    private sealed class StatesUnreadable(ITicketWriter inner) : ITicketWriter
    {
        public Task PrepareAsync(IReadOnlyList<ThemeContext> contexts, CancellationToken ct) => inner.PrepareAsync(contexts, ct);
        public Task<TicketOutcome?> FileAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct) => inner.FileAsync(context, draft, ct);
        public Task<TicketOutcome?> FileApprovedAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct) => inner.FileApprovedAsync(context, draft, ct);
        public Task<IReadOnlyDictionary<string, TicketState>> ReadStatesAsync(IReadOnlyCollection<TicketRef> tickets, CancellationToken ct) =>
            throw new HttpRequestException("Linear is down");
    }

    /// <summary>The demo scenario's sandbox and the product's host on it, run in process into one output folder.</summary>
    private sealed class Run(DemoSandbox demo, Microsoft.Extensions.Hosting.IHost host) : IAsyncDisposable
    {
        public SandboxHost Sandbox => demo.Sandbox;
        public string OutDir => Path.Combine(demo.Dir, "out");

        public static async Task<Run> StartAsync(Action<IServiceCollection> replace)
        {
            var demo = await DemoSandbox.StartAsync();
            return new Run(demo, demo.BuildHost(new FakeTimeProvider(demo.Scenario.Now), extra: (services, _) => replace(services)));
        }

        public Task<RunOutcome> RunAsync() =>
            host.Services.GetRequiredService<TriagePipeline>().RunAsync(new RunRequest(OutDir), CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            host.Dispose();
            await demo.DisposeAsync();
        }
    }
}
