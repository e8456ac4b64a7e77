using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Agent;
using TriageBot.Clients.Linear;
using TriageBot.Diagnostics;
using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Tickets;

/// <summary>
/// Files one Linear ticket per actionable theme, exactly once.
/// <list type="bullet">
/// <item>Known theme, no new evidence: nothing is sent (<see cref="TicketAction.Unchanged"/>).</item>
/// <item>Known theme, new evidence: one attachment per new item, plus one comment when the theme grew
/// noticeably (<see cref="TicketAction.Updated"/>); a closed ticket instead gets a regression ticket. Evidence that
/// another theme of the run holds now is detached (LinearTicketWriter.Moved.cs).</item>
/// <item>New theme: a pending intent from a crashed run is reconciled first (the issue is found by the
/// marker in its description); then any ticket already linking the evidence (ours or hand-filed, found
/// with attachmentsForURL) is reused, unless it is the ticket of another of the run's themes; only then is an intent
/// recorded and the issue created.</item>
/// </list>
/// Every write is audited with what, which ticket and why.
/// </summary>
public sealed partial class LinearTicketWriter(
    LinearGraphQLClient linear,
    LinearWorkspace workspace,
    ITicketStore store,
    IAuditLog audit,
    RunContext run,
    IOptions<TicketOptions> options,
    TimeProvider time,
    ILogger<LinearTicketWriter> logger) : ITicketWriter
{
    private readonly TicketOptions _options = options.Value;

    public Task<TicketOutcome?> FileAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct) =>
        FileCoreAsync(context, draft, _options.Mode == TicketMode.Create, ct);

    /// <summary>Files a draft a person approved (<c>tickets approve</c>), whatever <c>Tickets:Mode</c> says.</summary>
    public Task<TicketOutcome?> FileApprovedAsync(ThemeContext context, ThemeDraft draft, CancellationToken ct) =>
        FileCoreAsync(context, draft, true, ct);

    private async Task<TicketOutcome?> FileCoreAsync(ThemeContext context, ThemeDraft draft, bool mayWrite, CancellationToken ct)
    {
        var themeId = context.Theme.Id;
        if (!draft.Actionable || context.Items.Count < _options.MinItems) return null;
        var evidence = EvidenceOf(context);

        var mapping = await store.GetAsync(themeId, ct);
        if (mapping is not null)
        {
            var known = new HashSet<string>(mapping.EvidenceUrls, StringComparer.Ordinal);
            var fresh = _budget.Take(themeId, evidence.Where(e => !known.Contains(e.Url)).ToList());
            var moved = MovedAway(mapping);
            if ((fresh.Count == 0 && moved.Count == 0) || !mayWrite)
            {
                return new TicketOutcome(themeId, mapping.Ticket, TicketAction.Unchanged, 0);
            }
            return await UpdateAsync(context, draft, mapping, evidence, fresh, moved, ct);
        }
        if (!mayWrite) return null; // suggest mode: the draft goes to the report and digest, nothing to Linear
        evidence = _budget.Take(themeId, evidence);

        if (await store.GetIntentAsync(themeId, ct) is { } intent && await ReconcileAsync(context, intent, evidence, ct) is { } reconciled)
        {
            return reconciled;
        }

        var existing = await FindExistingAsync(themeId, evidence, ct);
        if (existing is not null)
        {
            if (existing.Value.Issue.IsClosed && _options.RegressionOnClosed)
            {
                return context.ReadsLike is null ? await CreateAsync(context, draft, evidence, existing.Value.Issue, ct) : Hold(context);
            }
            return await LinkExistingAsync(context, existing.Value.Issue, existing.Value.AttachedUrls, evidence, ct);
        }
        return context.ReadsLike is null ? await CreateAsync(context, draft, evidence, null, ct) : Hold(context);
    }

    /// <summary>
    /// A theme too small to stand apart from a larger one it reads like gets no new ticket (a ticket a person filed for its
    /// evidence is still linked, above); it is filed on a later run once it stands apart.
    /// </summary>
    private TicketOutcome? Hold(ThemeContext context)
    {
        logger.LogInformation("Theme {Theme} ({Count} items) reads like {Other} (centroid similarity {Similarity:0.000}); no ticket of its own yet",
            context.Theme.Id, context.Items.Count, context.ReadsLike!.ThemeId, context.ReadsLike.Similarity);
        return null;
    }

    private async Task<TicketOutcome> UpdateAsync(ThemeContext context, ThemeDraft draft, TicketMapping mapping, IReadOnlyList<EvidenceLink> evidence,
        IReadOnlyList<EvidenceLink> fresh, List<(string Url, string Theme)> moved, CancellationToken ct)
    {
        var themeId = context.Theme.Id;
        if (_options.RegressionOnClosed && await linear.GetIssueAsync(mapping.Ticket.IssueId, ct) is { IsClosed: true } closed)
        {
            logger.LogInformation("Theme {Theme} came back after {Issue} was closed; filing a regression", themeId, closed.Identifier);
            return await CreateAsync(context, draft, _budget.Take(themeId, evidence), closed, ct);
        }

        var detached = await DetachMovedAsync(mapping.Ticket, moved, themeId, ct);
        var attached = await AttachAllAsync(mapping.Ticket, fresh, themeId, "new evidence for the theme", ct);

        var total = context.Items.Count;
        var last = Math.Max(1, mapping.ItemCountAtLastComment);
        var freshIds = fresh.Select(f => f.ItemId).ToHashSet(StringComparer.Ordinal);
        // Evidence an earlier run had no budget for is attached now too, but only the theme's growth is news: the newest.
        var newItems = context.Items.Where(i => freshIds.Contains(i.Id)).OrderByDescending(i => i.CreatedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal).Take(Math.Max(0, total - mapping.ItemCountAtLastComment)).ToList();
        var grew = total - last >= _options.CommentMinNewItems && total >= last * (1 + _options.CommentMinGrowth);
        var countAtComment = mapping.ItemCountAtLastComment;
        if (grew)
        {
            await linear.CreateCommentAsync(mapping.Ticket.IssueId, TicketDescription.GrowthComment(newItems, total), ct);
            await AuditAsync("linear.commentCreate", mapping.Ticket.Identifier, $"comment: {newItems.Count} new reports, {total} in total",
                $"theme {themeId} grew from {last} to {total} reports", ct);
            countAtComment = total;
        }

        await store.SaveAsync(mapping with
        {
            EvidenceUrls = mapping.EvidenceUrls.Where(u => !detached.Contains(u)).Concat(fresh.Select(f => f.Url).Where(attached.Contains))
                .Distinct(StringComparer.Ordinal).ToList(),
            ContentKey = EvidenceLinks.ContentKey(context.Items),
            ItemCountAtLastComment = countAtComment,
        }, ct);
        return new TicketOutcome(themeId, mapping.Ticket, fresh.Count > 0 || detached.Count > 0 ? TicketAction.Updated : TicketAction.Unchanged, attached.Count);
    }

    /// <summary>A previous run recorded an intent and may have created the issue before dying: find it by its marker.</summary>
    private async Task<TicketOutcome?> ReconcileAsync(ThemeContext context, TicketIntent intent, IReadOnlyList<EvidenceLink> evidence, CancellationToken ct)
    {
        var marker = TicketDescription.MarkerFor(intent.IntentKey);
        var found = (await linear.FindIssuesByDescriptionMarkerAsync(marker, ct)).FirstOrDefault();
        if (found is null)
        {
            logger.LogInformation("Intent {Key} for theme {Theme} has no issue; the create never happened", intent.IntentKey, context.Theme.Id);
            await store.ClearIntentAsync(context.Theme.Id, ct);
            return null;
        }
        var ticket = new TicketRef(found.Id, found.Identifier, found.Url);
        await AuditAsync("linear.reconcile", found.Identifier, "adopted the issue an interrupted run created",
            $"intent {intent.IntentKey} for theme {context.Theme.Id} from {intent.CreatedAt:O}", ct);
        var attached = await AttachAllAsync(ticket, evidence, context.Theme.Id, "evidence for the theme (after an interrupted run)", ct);
        await SaveMappingAsync(context, ticket, attached, ct);
        await store.ClearIntentAsync(context.Theme.Id, ct);
        return new TicketOutcome(context.Theme.Id, ticket, TicketAction.Created, attached.Count);
    }

    private async Task<TicketOutcome> LinkExistingAsync(ThemeContext context, LinearIssue issue, HashSet<string> attached, IReadOnlyList<EvidenceLink> evidence, CancellationToken ct)
    {
        var ticket = new TicketRef(issue.Id, issue.Identifier, issue.Url);
        await AuditAsync("linear.link", issue.Identifier, $"theme {context.Theme.Id} linked to an existing ticket",
            $"{attached.Count} of the theme's evidence links are already attached to {issue.Identifier}", ct);
        var added = await AttachAllAsync(ticket, evidence.Where(e => !attached.Contains(e.Url)).ToList(), context.Theme.Id,
            "evidence for the theme this ticket already tracks", ct);
        await SaveMappingAsync(context, ticket, [.. attached, .. added], ct);
        return new TicketOutcome(context.Theme.Id, ticket, added.Count > 0 ? TicketAction.Updated : TicketAction.Unchanged, added.Count);
    }

    private async Task<TicketOutcome> CreateAsync(ThemeContext context, ThemeDraft draft, IReadOnlyList<EvidenceLink> evidence, LinearIssue? regressionOf, CancellationToken ct)
    {
        var themeId = context.Theme.Id;
        var team = await workspace.ResolveTeamAsync(context.Items, ct);
        var (labelIds, createdLabels) = await workspace.ResolveLabelsAsync(team, draft.Labels, ct);
        foreach (var name in createdLabels)
        {
            await AuditAsync("linear.issueLabelCreate", team.Key, $"label '{name}'", "Linear:CreateMissingLabels is on and the team lacked it", ct);
        }
        var goal = context.Goals.FirstOrDefault(g => g.Id == draft.GoalId);
        var project = await workspace.ResolveProjectAsync(goal, ct);

        var intent = new TicketIntent(themeId, IntentKey(themeId), time.GetUtcNow());
        await store.SaveIntentAsync(intent, ct);

        var title = regressionOf is null ? draft.Title : "Regression: " + draft.Title;
        var description = TicketDescription.Build(context, draft, _options.Quotes, intent.IntentKey,
            regressionOf is null ? null : new LinearIssueRefText(regressionOf.Identifier, regressionOf.Url, regressionOf.StateName));
        var create = new LinearIssueCreate(team.Id, title, description, (int)draft.Priority, labelIds, project?.Id);

        LinearIssue issue;
        try
        {
            issue = await linear.CreateIssueAsync(create, ct);
        }
        catch (LinearApiException ex) when (!ex.IsRateLimited)
        {
            // The create may have happened (timeout, 5xx after commit): look before anyone retries.
            var found = (await linear.FindIssuesByDescriptionMarkerAsync(TicketDescription.MarkerFor(intent.IntentKey), ct)).FirstOrDefault();
            if (found is null) throw;
            logger.LogWarning("issueCreate for theme {Theme} failed ({Error}) but the issue exists as {Issue}", themeId, ex.Message, found.Identifier);
            issue = found;
        }

        var ticket = new TicketRef(issue.Id, issue.Identifier, issue.Url);
        var why = regressionOf is null
            ? $"theme {themeId}: {context.Items.Count} reports, priority {draft.Priority} by {draft.Author}, no existing ticket links its evidence"
            : $"theme {themeId} came back after {regressionOf.Identifier} was closed ({regressionOf.StateName})";
        await AuditAsync("linear.issueCreate", issue.Identifier, $"created '{title}' in team {team.Key}" + (project is null ? "" : $", project {project.Name}"), why, ct);

        var attached = await AttachAllAsync(ticket, evidence, themeId, "evidence for the new ticket", ct);
        await SaveMappingAsync(context, ticket, attached, ct);
        await store.ClearIntentAsync(themeId, ct);
        return new TicketOutcome(themeId, ticket, TicketAction.Created, attached.Count);
    }

    /// <summary>
    /// Attaches <paramref name="links"/> in batched mutations and returns the URLs now attached. A link that still
    /// failed is logged and left out, so the mapping does not record it and the next run attaches it as new evidence.
    /// </summary>
    private async Task<HashSet<string>> AttachAllAsync(TicketRef ticket, IReadOnlyList<EvidenceLink> links, string themeId, string why, CancellationToken ct)
    {
        var attached = new HashSet<string>(StringComparer.Ordinal);
        if (links.Count == 0) return attached;
        var batch = await linear.CreateAttachmentsAsync(ticket.IssueId, links.Select(l => new LinearAttachmentInput(l.Url, l.Title, l.Subtitle)).ToList(), ct);
        var failed = batch.Failed.Select(f => f.Input.Url).ToHashSet(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (failed.Contains(link.Url)) continue;
            attached.Add(link.Url);
            await AuditAsync("linear.attachmentCreate", ticket.Identifier, $"attached {link.ItemId} ({link.Url})", $"{why} (theme {themeId})", ct);
        }
        foreach (var (input, error) in batch.Failed)
        {
            logger.LogWarning("Attaching {Url} to {Issue} failed ({Error}); the next run attaches it", input.Url, ticket.Identifier, error);
        }
        return attached;
    }

    private Task SaveMappingAsync(ThemeContext context, TicketRef ticket, IReadOnlyCollection<string> attachedUrls, CancellationToken ct) =>
        store.SaveAsync(new TicketMapping(context.Theme.Id, ticket,
            context.Items.Select(i => i.Url).Where(attachedUrls.Contains).Distinct(StringComparer.Ordinal).ToList(),
            EvidenceLinks.ContentKey(context.Items), context.Items.Count), ct);

    private Task AuditAsync(string kind, string target, string what, string why, CancellationToken ct) =>
        audit.AppendAsync(new AuditEntry(time.GetUtcNow(), run.RunId, kind, target, what, why), ct);

    private string IntentKey(string themeId)
    {
        var seed = $"{themeId}|{time.GetUtcNow().ToUnixTimeMilliseconds()}|{run.RunId}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..16];
    }
}
