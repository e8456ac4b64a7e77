using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;
using TriageBot.Domain;
using TriageBot.Pipeline;
using TriageBot.Storage;
using TriageBot.Tickets;

namespace TriageBot.Reports;

/// <summary>
/// The goal board where leads already look: each goal linked to a Linear project (<c>Goals[].LinearProject</c>, by id
/// or name) gets a project update with its progress, feedback volume and themes with their tickets, at most once every
/// <see cref="DigestOptions.ProjectUpdateEveryDays"/> days (0: never). A project that does not exist is a warning in the
/// log, not a failure of the run. Composed in the root (it writes through the Tickets stage's Linear client and workspace).
/// </summary>
public sealed class LinearProjectUpdatePublisher(
    DigestBuilder builder,
    GoalCatalog goals,
    LinearGraphQLClient linear,
    LinearWorkspace workspace,
    ICursorStore cursors,
    IAuditLog audit,
    RunContext run,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<LinearProjectUpdatePublisher> logger) : IRunPublisher
{
    private const string CursorSource = "linear";

    public string Name => "goal board project updates";

    public async Task PublishAsync(RunOutcome outcome, string outDir, CancellationToken ct)
    {
        var every = options.Value.ProjectUpdateEveryDays;
        if (every <= 0 || !goals.Goals.Any(g => g.LinearProjectId is { Length: > 0 })) return;

        var now = time.GetUtcNow();
        var model = builder.BuildModel(outcome.Report, outcome.Items, goals.Goals, outcome.Drafts);
        foreach (var goal in model.Goals.Where(g => g.Goal.LinearProjectId is { Length: > 0 }))
        {
            // The workspace snapshot the filing stage loaded this run: no second read of the projects.
            if (await workspace.ResolveProjectAsync(goal.Goal, ct) is not { } project)
            {
                logger.LogWarning("Goal {Goal} names Linear project '{Project}', which the workspace does not have; no project update",
                    goal.Goal.Id, goal.Goal.LinearProjectId);
                continue;
            }
            var key = $"project-update:{project.Id}";
            if (await cursors.GetAsync(CursorSource, key, ct) is { } last
                && DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) && now - at < TimeSpan.FromDays(every))
                continue;

            var url = await linear.CreateProjectUpdateAsync(project.Id, Body(goal, now, every), ct);
            await cursors.SetAsync(CursorSource, key, now.ToString("O", CultureInfo.InvariantCulture), ct);
            await audit.AppendAsync(new AuditEntry(now, run.RunId, "linear", project.Name, "projectUpdateCreate", $"goal board for {goal.Goal.Id}", url), ct);
        }
    }

    /// <summary>The update's Markdown: the goal's part of the board, as the digest shows it.</summary>
    public static string Body(DigestGoal goal, DateTimeOffset now, int everyDays) => string.Create(CultureInfo.InvariantCulture,
        $"**{DigestText.Markdown(goal.Goal.Title)}** · {goal.Progress} · what users said, as of {now.UtcDateTime:yyyy-MM-dd}\n\n")
        + MarkdownDigestRenderer.GoalBody(goal)
        + string.Create(CultureInfo.InvariantCulture, $"_Posted by TriageBot from its feedback triage, at most once every {everyDays} days._\n");
}
