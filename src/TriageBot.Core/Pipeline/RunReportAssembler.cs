using TriageBot.Agent;
using TriageBot.Diagnostics;
using TriageBot.Dispatch;
using TriageBot.Domain;
using TriageBot.Ingest;
using TriageBot.Reports;

namespace TriageBot.Pipeline;

internal sealed record RunReportInput(
    string RunId,
    string? Scenario,
    DateTimeOffset Started,
    DateTimeOffset Finished,
    IReadOnlyList<SourceReadResult> Reads,
    IReadOnlyList<ThemeContext> Themes,
    IReadOnlyDictionary<string, ThemeDraft> Drafts,
    IReadOnlyDictionary<string, TicketOutcome> Tickets,
    IReadOnlyDictionary<string, DispatchResult> Dispatches,
    IReadOnlyList<string> Noise,
    RunMetrics Metrics,
    IReadOnlyDictionary<string, string> PromptVersions,
    IReadOnlyDictionary<string, long> TimingsMs,
    IReadOnlyList<string> Warnings);

/// <summary>Builds the run report (../shared/report/FORMAT.md) from what the stages returned and recorded.</summary>
internal static class RunReportAssembler
{
    private static readonly string[] Services = ["slack", "github", "x", "linear", "llm"];
    private static readonly string[] Stages = ["ingest", "cluster", "summarize", "file", "dispatch", "digest", "total"];

    public static RunReport Assemble(RunReportInput input)
    {
        var bySource = new Dictionary<string, int> { ["slack"] = 0, ["github"] = 0, ["x"] = 0 };
        var sources = new Dictionary<string, ReportSourceCounts>();
        foreach (var read in input.Reads)
        {
            var name = read.Source.Name();
            bySource[name] = bySource.GetValueOrDefault(name) + read.Read;
            sources[name] = new ReportSourceCounts(read.Read, read.New, read.Updated, read.Skipped, read.Complete, read.StopReason);
        }

        var apiCalls = Services.ToDictionary(s => s, s => 0L);
        foreach (var (service, count) in input.Metrics.ApiCalls) apiCalls[service] = count;

        var timings = Stages.ToDictionary(s => s, s => input.TimingsMs.GetValueOrDefault(s));

        var themes = input.Themes
            .Select(c => ToReportTheme(c, input.Drafts[c.Theme.Id], input.Tickets.GetValueOrDefault(c.Theme.Id), input.Dispatches.GetValueOrDefault(c.Theme.Id)))
            .OrderBy(t => t.Ticket is null)
            .ThenBy(t => t.Priority is null or 0 ? 5 : t.Priority)
            .ThenByDescending(t => t.Items.Count)
            .ToList();

        var itemCount = themes.Sum(t => t.Items.Count) + input.Noise.Count;

        return new RunReport
        {
            RunId = input.RunId,
            Scenario = input.Scenario,
            Started = input.Started,
            Finished = input.Finished,
            Items = new ReportItems { Fetched = bySource.Values.Sum(), BySource = bySource, Noise = input.Noise },
            Themes = themes,
            ApiCalls = apiCalls,
            LlmTokens = new ReportTokens(input.Metrics.Get("llm.tokens.input"), input.Metrics.Get("llm.tokens.output")),
            TimingsMs = timings,
            Sources = sources,
            PromptVersions = input.PromptVersions.Count == 0 ? null : input.PromptVersions,
            NoiseShare = itemCount == 0 ? 0 : Math.Round((double)input.Noise.Count / itemCount, 4),
            Warnings = input.Warnings,
        };
    }

    private static ReportTheme ToReportTheme(ThemeContext context, ThemeDraft draft, TicketOutcome? ticket, DispatchResult? dispatch) => new()
    {
        Id = context.Theme.Id,
        Title = draft.Title,
        Summary = draft.Summary,
        Items = context.Theme.ItemIds,
        Trend = context.Trend.ToString().ToLowerInvariant(),
        Ticket = ticket is null ? null : new ReportTicket(ticket.Ticket.Identifier, ticket.Ticket.Url, ticket.Action.ToString().ToLowerInvariant())
        {
            State = ticket.State?.Name,
            StateType = ticket.State?.Type,
        },
        SmallFix = draft.SmallFix,
        Dispatch = dispatch is null ? null : new ReportDispatch(dispatch.Status, PrUrl: null, dispatch.Reason),
        Goal = draft.GoalId,
        Priority = (int)draft.Priority,
        Labels = draft.Labels,
        BySource = context.Items.GroupBy(i => i.Source.Name()).ToDictionary(g => g.Key, g => g.Count()),
        ReadsLike = ticket is null ? context.ReadsLike?.ThemeId : null,
    };
}
