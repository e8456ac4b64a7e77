using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TriageBot.Agent;
using TriageBot.Clustering;
using TriageBot.Diagnostics;
using TriageBot.Dispatch;
using TriageBot.Domain;
using TriageBot.Ingest;
using TriageBot.Reports;
using TriageBot.Storage;
using TriageBot.Tickets;

namespace TriageBot.Pipeline;

/// <summary>What a caller asks of one run.</summary>
public sealed record RunRequest(string OutDir, string? ScenarioName = null);

/// <summary>A finished run: the report, and what the digest needs to quote.</summary>
public sealed record RunOutcome(
    RunReport Report,
    IReadOnlyDictionary<string, FeedbackItem> Items,
    IReadOnlyList<ThemeDraft> Drafts);

/// <summary>
/// One run of the whole pipeline: ingest → cluster → summarise → file → dispatch (opt-in). The CLI, the demo and the
/// scheduled job all call this one method. Each stage records what it did in the store as it goes,
/// so a run killed anywhere is finished by the next one; a stage that fails for one source or one
/// theme is logged and reported, and the run goes on.
/// </summary>
public sealed class TriagePipeline(
    IEnumerable<IFeedbackReader> readers,
    IItemStore items,
    ICursorStore cursors,
    IThemeStore themes,
    IThemeClusterer clusterer,
    IThemeSummarizer summarizer,
    ITicketWriter ticketWriter,
    SmallFixDispatcher dispatcher,
    ITicketStore tickets,
    IRunStore runs,
    IEnumerable<IRunPublisher> publishers,
    RunReportWriter reportWriter,
    GoalCatalog goals,
    ILabelSource labels,
    RunMetrics metrics,
    RunContext run,
    PromptLibrary prompts,
    IPipelineProgress progress,
    TimeProvider time,
    ILogger<TriagePipeline> logger)
{
    public async Task<RunOutcome> RunAsync(RunRequest request, CancellationToken ct)
    {
        metrics.Reset();
        prompts.ResetUsage();
        var started = time.GetUtcNow();
        var runId = Guid.CreateVersion7(started).ToString("n");
        run.RunId = runId;
        await runs.StartAsync(runId, started, ct);
        var timings = new Dictionary<string, long>();
        var warnings = new List<string>();
        var total = Stopwatch.StartNew();

        var reads = await Timed(timings, "ingest", () => IngestAsync(warnings, ct));

        var all = await items.GetAllAsync(ct);
        var byId = all.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var clustering = await Timed(timings, "cluster", () => ClusterAsync(all, reads, ct));

        var contexts = (await BuildContextsAsync(clustering.Themes, byId, ct))
            .Select(c => clustering.Held.TryGetValue(c.Theme.Id, out var like) ? c with { ReadsLike = like } : c).ToList();

        var drafts = await Timed(timings, "summarize", () => SummarizeAsync(contexts, warnings, ct));
        var outcomes = await Timed(timings, "file", () => FileAsync(contexts, drafts, clustering.MergedByPerson, warnings, ct));
        var dispatches = await Timed(timings, "dispatch", () => DispatchAsync(contexts, drafts, outcomes, warnings, ct));

        RunReport Report() => RunReportAssembler.Assemble(new RunReportInput(
            runId, request.ScenarioName, started, time.GetUtcNow(), reads, contexts, drafts, outcomes, dispatches,
            clustering.Noise, metrics, prompts.VersionsUsed, timings, warnings));

        // The digest quotes the report, so it is built from a first assembly; the final report
        // then adds the digest's own timing and any warning it raised.
        Directory.CreateDirectory(request.OutDir);
        var draftList = drafts.Values.ToList();
        await Timed(timings, "digest", () => PublishAsync(new RunOutcome(Report(), byId, draftList), request.OutDir, warnings, ct));

        total.Stop();
        timings["total"] = total.ElapsedMilliseconds;
        var report = Report();
        await reportWriter.WriteAsync(report, request.OutDir, ct);
        await runs.FinishAsync(runId, report.Finished, warnings.Count == 0 ? "ok" : "warnings", report.ToJson(), ct);
        return new RunOutcome(report, byId, draftList);
    }

    /// <summary>Small fixes to a coding agent, when configured; a failure is a warning, never the run's end.</summary>
    private async Task<IReadOnlyDictionary<string, DispatchResult>> DispatchAsync(IReadOnlyList<ThemeContext> contexts,
        Dictionary<string, ThemeDraft> drafts, Dictionary<string, TicketOutcome> outcomes, List<string> warnings, CancellationToken ct)
    {
        try
        {
            return await dispatcher.DispatchAsync(contexts, drafts, outcomes, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Dispatching small fixes failed; the next run tries again");
            warnings.Add($"dispatch: {ex.Message}");
            return new Dictionary<string, DispatchResult>();
        }
    }

    private async Task<bool> PublishAsync(RunOutcome outcome, string outDir, List<string> warnings, CancellationToken ct)
    {
        foreach (var publisher in publishers)
        {
            try
            {
                await publisher.PublishAsync(outcome, outDir, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Publishing the {Publisher} failed", publisher.Name);
                warnings.Add($"{publisher.Name}: {ex.Message}");
            }
        }
        return true;
    }

    /// <summary>A person corrected the themes (split, merge, pin): the next run re-clusters even if nothing new was read.</summary>
    public static Task MarkThemesChangedAsync(ICursorStore cursors, CancellationToken ct) =>
        cursors.SetAsync(ClusteringCursor, ThemesChangedKey, "1", ct);

    private const string ClusteringCursor = "clustering";
    private const string ThemesChangedKey = "themes-changed";

    private async Task<ClusteringResult> ClusterAsync(
        IReadOnlyList<FeedbackItem> all, IReadOnlyList<SourceReadResult> reads, CancellationToken ct)
    {
        progress.StageStarted("cluster", all.Count);
        var existing = await themes.GetAllAsync(ct);
        var noise = await themes.GetNoiseAsync(ct);
        var known = existing.SelectMany(t => t.ItemIds).Concat(noise).ToHashSet(StringComparer.Ordinal);

        // Nothing new, nothing changed, no correction by a person: the themes are what they were.
        // Re-clustering the same items could still move a borderline item, and a ticket would
        // then change on a day when no user said anything new.
        var nothingNew = reads.All(r => r.New == 0 && r.Updated == 0) && all.All(i => known.Contains(i.Id));
        var corrected = await cursors.GetAsync(ClusteringCursor, ThemesChangedKey, ct) == "1";
        if (nothingNew && !corrected && existing.Count > 0)
        {
            progress.StageFinished("cluster", $"nothing new: {existing.Count} themes kept as they were");
            return new ClusteringResult(existing, noise, []);
        }

        var result = await clusterer.ClusterAsync(all, existing, ct);
        var ownEvidence = (await tickets.GetAllAsync(ct)).SelectMany(m => m.EvidenceUrls).ToHashSet(StringComparer.Ordinal);
        result = await FiledEvidencePlacement.PlaceAsync(result, all, noise, ownEvidence, ticketWriter, time, logger, ct);
        await themes.SaveAsync(result.Themes, result.Events, ct);
        await themes.SaveNoiseAsync(result.Noise, ct);
        if (corrected) await cursors.SetAsync(ClusteringCursor, ThemesChangedKey, "0", ct);
        progress.StageFinished("cluster", $"{result.Themes.Count} themes, {result.Noise.Count} noise");
        return result;
    }

    /// <summary>
    /// Files the drafts a person approved (<c>tickets approve</c>, for <c>Tickets:Mode</c> Suggest).
    /// Unknown theme ids are an error before anything is written.
    /// </summary>
    public async Task<IReadOnlyList<TicketOutcome>> ApproveAsync(IReadOnlyList<string> themeIds, CancellationToken ct)
    {
        var live = (await themes.GetAllAsync(ct)).ToDictionary(t => t.Id, StringComparer.Ordinal);
        var unknown = themeIds.Where(id => !live.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            throw new KeyNotFoundException($"no live theme with id {string.Join(", ", unknown)} (see report.json for theme ids)");

        var byId = (await items.GetAllAsync(ct)).ToDictionary(i => i.Id, StringComparer.Ordinal);
        var outcomes = new List<TicketOutcome>();
        foreach (var context in await BuildContextsAsync(themeIds.Select(id => live[id]).ToList(), byId, ct))
        {
            var draft = await summarizer.SummarizeAsync(context, ct);
            if (await ticketWriter.FileApprovedAsync(context, draft, ct) is { } outcome) outcomes.Add(outcome);
        }
        return outcomes;
    }

    private async Task<List<ThemeContext>> BuildContextsAsync(
        IReadOnlyList<Theme> live, IReadOnlyDictionary<string, FeedbackItem> byId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var labelNames = await labels.GetLabelNamesAsync(ct);
        return live
            .Select(t =>
            {
                var themeItems = t.ItemIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
                return new ThemeContext(t, themeItems, ThemeTrendCalculator.Compute(themeItems, now), goals.Goals, labelNames);
            })
            .ToList();
    }

    private async Task<IReadOnlyList<SourceReadResult>> IngestAsync(List<string> warnings, CancellationToken ct)
    {
        var enabled = readers.Where(r => r.Enabled).ToList();
        progress.StageStarted("ingest", enabled.Count);
        var finished = 0;
        var results = await Task.WhenAll(enabled.Select(async reader =>
        {
            try
            {
                var result = await reader.ReadAsync(ct);
                progress.Advanced("ingest", Interlocked.Increment(ref finished));
                progress.StageFinished($"ingest {reader.Source.Name()}",
                    $"{result.Read} read ({result.New} new, {result.Updated} updated, {result.Skipped} skipped)" +
                    (result.Complete ? "" : $", stopped early: {result.StopReason}"));
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // One source failing must not cost the others their run; its cursor did not move.
                logger.LogError(ex, "Reading {Source} failed; the next run continues from its cursor", reader.Source);
                lock (warnings) warnings.Add($"{reader.Source.Name()}: {ex.Message}");
                return new SourceReadResult(reader.Source, 0, 0, 0, 0, false, ex.Message);
            }
        }));
        progress.StageFinished("ingest", $"{results.Sum(r => r.Read)} items read from {results.Length} sources");
        return results;
    }

    private async Task<Dictionary<string, ThemeDraft>> SummarizeAsync(
        IReadOnlyList<ThemeContext> contexts, List<string> warnings, CancellationToken ct)
    {
        progress.StageStarted("summarize", contexts.Count);
        var drafts = new Dictionary<string, ThemeDraft>(StringComparer.Ordinal);
        foreach (var context in contexts)
        {
            drafts[context.Theme.Id] = await summarizer.SummarizeAsync(context, ct);
            progress.Advanced("summarize", drafts.Count);
        }
        progress.StageFinished("summarize", $"{drafts.Count} themes summarised");
        return drafts;
    }

    private async Task<Dictionary<string, TicketOutcome>> FileAsync(IReadOnlyList<ThemeContext> contexts, Dictionary<string, ThemeDraft> drafts,
        IReadOnlyDictionary<string, string> mergedByPerson, List<string> warnings, CancellationToken ct)
    {
        progress.StageStarted("file", contexts.Count);
        var outcomes = new Dictionary<string, TicketOutcome>(StringComparer.Ordinal);
        var done = 0;
        // Batched evidence lookups for every theme worth a ticket, instead of one lookup per theme.
        await ticketWriter.PrepareAsync(contexts.Where(c => drafts.TryGetValue(c.Theme.Id, out var d) && d.Actionable).ToList(), ct);
        foreach (var context in contexts)
        {
            try
            {
                if (await ticketWriter.FileAsync(context, drafts[context.Theme.Id], ct) is { } outcome)
                    outcomes[context.Theme.Id] = outcome;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The intent record lets the next run reconcile this theme; the other themes go on.
                logger.LogError(ex, "Filing theme {Theme} failed; the next run retries it", context.Theme.Id);
                warnings.Add($"file {context.Theme.Id}: {ex.Message}");
            }
            progress.Advanced("file", ++done);
        }
        var duplicates = 0;
        try
        {
            duplicates = (await ticketWriter.MarkMergedAsync(contexts, outcomes, mergedByPerson, ct)).Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The mappings of merged themes stay, so the next run marks their tickets.
            logger.LogError(ex, "Marking the tickets of merged themes as duplicates failed; the next run retries");
            warnings.Add($"file: marking duplicates: {ex.Message}");
        }
        await ReadTicketStatesAsync(outcomes, warnings, ct);
        var created = outcomes.Values.Count(o => o.Action == TicketAction.Created);
        var updated = outcomes.Values.Count(o => o.Action == TicketAction.Updated);
        progress.StageFinished("file", $"{created} created, {updated} updated, {outcomes.Count - created - updated} unchanged" +
            (duplicates > 0 ? $", {duplicates} marked a duplicate (a person merged their themes)" : ""));
        return outcomes;
    }

    /// <summary>Where each ticket stands (to do, started, done), for the goal board's progress; unread, the board shows none.</summary>
    private async Task ReadTicketStatesAsync(Dictionary<string, TicketOutcome> outcomes, List<string> warnings, CancellationToken ct)
    {
        try
        {
            var states = await ticketWriter.ReadStatesAsync(outcomes.Values.Select(o => o.Ticket).ToList(), ct);
            foreach (var (themeId, outcome) in outcomes.ToList())
                if (states.TryGetValue(outcome.Ticket.IssueId, out var state)) outcomes[themeId] = outcome with { State = state };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Reading the tickets' workflow states failed; the goal board shows no ticket progress this run");
            warnings.Add($"file: reading ticket states: {ex.Message}");
        }
    }

    private static async Task<T> Timed<T>(Dictionary<string, long> timings, string stage, Func<Task<T>> work)
    {
        var sw = Stopwatch.StartNew();
        try { return await work(); }
        finally { timings[stage] = sw.ElapsedMilliseconds; }
    }
}
