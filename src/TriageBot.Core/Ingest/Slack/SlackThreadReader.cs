using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using TriageBot.Clients.Slack;
using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Ingest.Slack;

/// <summary>
/// Reads Slack threads incrementally. Per channel: one history walk from the watermark (reaching back
/// <see cref="SlackBudget.ThreadWindow"/> so a parent's moved <c>latest_reply</c> is noticed), then
/// conversations.replies only for threads that are new or whose latest_reply moved, fetching only the replies
/// after the newest one already stored. Items are stored before the channel cursor moves.
/// </summary>
public sealed partial class SlackThreadReader(
    SlackWebClient slack,
    SlackRequestBudget budget,
    SlackDirectory directory,
    IItemStore items,
    ICursorStore cursors,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackThreadReader> log) : IFeedbackReader
{
    private static readonly HashSet<string> FeedbackSubtypes = new(StringComparer.Ordinal) { "file_share", "me_message", "thread_broadcast" };

    // Parents seen in this run's history walk, for threads whose replies are read afterwards.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SlackMessage> _parents = new(StringComparer.Ordinal);

    public FeedbackSource Source => FeedbackSource.Slack;
    public bool Enabled => options.CurrentValue.Enabled;

    [GeneratedRegex("^[CGD][A-Z0-9]{2,}$")]
    private static partial Regex ChannelId();

    public async Task<SourceReadResult> ReadAsync(CancellationToken ct)
    {
        var tally = new ReadTally();
        var problems = new List<string>();
        string? stop = null;
        _parents.Clear();
        try
        {
            var channels = await ResolveChannelsAsync(problems, ct);
            if (channels is null) return tally.ToResult(Source, "Slack budget for conversations.list exhausted; continuing next run");

            var states = new Dictionary<string, SlackChannelState>(StringComparer.Ordinal);
            foreach (var c in channels) states[c] = await LoadStateAsync(c, ct);
            // A walk in progress or a channel never read first, then the least recently walked: a budget that allows
            // one channel a run still reaches every channel in turn.
            channels = channels.OrderBy(c => states[c].Walk is null ? 1 : 0).ThenBy(c => states[c].LastWalked ?? DateTimeOffset.MinValue).ToList();

            stop = await ForEachChannelAsync(channels, c => GuardChannelAsync(c, problems, () => WalkHistoryAsync(c, states[c], tally, ct)), ct);
            // Replies have their own budget: spend it even when history stopped early.
            var repliesStop = await ForEachChannelAsync(channels, c => GuardChannelAsync(c, problems, () => ReadPendingThreadsAsync(c, states[c], tally, ct)), ct);
            stop ??= repliesStop;
        }
        catch (SlackApiException e) when (e.Error == "ratelimited")
        {
            stop = $"Slack rate-limited {e.Method} (retry after {e.RetryAfter}); continuing next run";
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or JsonException && !ct.IsCancellationRequested)
        {
            stop = $"Slack unavailable ({e.GetType().Name}: {e.Message}); continuing next run";
        }
        finally
        {
            await budget.SaveAsync(CancellationToken.None);
        }
        if (stop is not null) log.LogWarning("Slack read stopped early: {Reason}", stop);
        if (stop is null && problems.Count > 0) stop = string.Join("; ", problems);
        return tally.ToResult(Source, stop);
    }

    /// <summary>
    /// Channel by channel under a budget (it is shared by the workspace, so order decides who gets it and the
    /// first stop ends the phase); several channels at once when unlimited. Returns the first stop reason.
    /// </summary>
    private async Task<string?> ForEachChannelAsync(List<string> channels, Func<string, Task<string?>> work, CancellationToken ct)
    {
        if (Parallelism == 1)
        {
            foreach (var c in channels)
            {
                if (await work(c) is { } reason) return reason;
            }
            return null;
        }
        var reasons = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await Parallel.ForEachAsync(channels, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (c, _) =>
        {
            if (await work(c) is { } reason) reasons.Enqueue(reason);
        });
        return reasons.TryPeek(out var first) ? first : null;
    }

    /// <summary>Unlimited budget (benchmarks, limits off): channels and thread reads overlap.</summary>
    private int Parallelism => budget.Limits is { HistoryPerMinute: <= 0, RepliesPerMinute: <= 0, UsersPerMinute: <= 0 } ? 4 : 1;

    /// <summary>A channel we cannot read (gone, not a member) is reported and skipped; other errors stop the run.</summary>
    private async Task<string?> GuardChannelAsync(string channel, List<string> problems, Func<Task<string?>> work)
    {
        try
        {
            return await work();
        }
        catch (SlackApiException e) when (e.Error is "channel_not_found" or "not_in_channel" or "is_archived" or "missing_scope")
        {
            log.LogWarning("Slack channel {Channel} skipped: {Error}", channel, e.Error);
            lock (problems) problems.Add($"Slack channel {channel}: {e.Error}");
            return null;
        }
    }

    private async Task<List<string>?> ResolveChannelsAsync(List<string> problems, CancellationToken ct)
    {
        var configured = options.CurrentValue.Channels.Select(c => c.Trim().TrimStart('#')).Where(c => c.Length > 0).ToList();
        if (configured.Count > 0 && configured.All(c => ChannelId().IsMatch(c))) return configured;

        var all = new List<SlackChannel>();
        string? cursor = null;
        do
        {
            if (!await budget.TryAcquireAsync(SlackRequestBudget.List, ct)) return null;
            var page = await slack.ListConversationsAsync(cursor, 200, ct);
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (!string.IsNullOrEmpty(cursor));
        foreach (var c in all) directory.RememberChannel(c);

        if (configured.Count == 0) return all.Where(c => c.IsMember && !c.IsArchived).Select(c => c.Id).ToList();
        var result = new List<string>();
        foreach (var wanted in configured)
        {
            var match = all.FirstOrDefault(c => c.Id == wanted) ?? all.FirstOrDefault(c => string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (match is not null) result.Add(match.Id);
            else problems.Add($"Slack channel {wanted} not found");
        }
        return result;
    }

    private async Task<string?> WalkHistoryAsync(string channel, SlackChannelState state, ReadTally tally, CancellationToken ct)
    {
        var limits = budget.Limits;
        var walk = state.Walk ?? new SlackWalk(HistoryOldest(state, limits), null, null);
        var startLatest = walk.Latest;
        string? cursor = null;
        while (true)
        {
            if (!await budget.TryAcquireAsync(SlackRequestBudget.History, ct))
            {
                // Pages already read this run were saved with the walk; nothing started means nothing to resume.
                return $"Slack history budget exhausted at {channel}; continuing next run";
            }
            var page = await slack.GetHistoryAsync(channel, walk.Oldest, startLatest, cursor, limits.PageSize, ct);
            if (!await directory.ResolveUsersAsync(UsersIn(page.Items), ct)) return "Slack users.info budget exhausted; continuing next run";

            var batch = new List<(FeedbackItem Item, SlackThreadMark Mark)>();
            var pending = new List<string>();
            var latest = walk.Latest;
            var newest = walk.Newest;
            foreach (var m in page.Items)
            {
                latest = latest is null ? m.Ts : SlackTs.Min(latest, m.Ts);
                newest = SlackTs.Max(newest, m.Ts);
                if (m.IsThreadReply) continue;
                var isNew = state.Watermark is null || SlackTs.Compare(m.Ts, state.Watermark) > 0;
                if (!IsFeedback(m))
                {
                    if (isNew) tally.Skip();
                    continue;
                }
                state.Threads.TryGetValue(m.Ts, out var mark);
                var hash = TextHash(m.Text);
                if (m.ReplyCount > 0 && m.LatestReply is not null && (mark?.R is null || SlackTs.Compare(m.LatestReply, mark.R) > 0))
                {
                    _parents[Key(channel, m.Ts)] = m;
                    pending.Add(m.Ts);
                }
                else if (mark is null || mark.H != hash)
                {
                    var stored = mark is null ? null : await items.GetAsync(ItemId(channel, m.Ts), ct);
                    batch.Add((await BuildItemAsync(channel, m, stored?.Replies ?? [], ct), new SlackThreadMark(mark?.R ?? m.LatestReply, hash)));
                }
            }

            if (batch.Count > 0) tally.Add(await items.UpsertAsync(batch.Select(b => b.Item).ToList(), ct));
            foreach (var (item, mark) in batch) state.Threads[TsOf(item)] = mark;
            if (pending.Count > 0)
            {
                var known = state.Pending.ToHashSet(StringComparer.Ordinal);
                state.Pending.AddRange(pending.Where(known.Add));
            }
            cursor = page.NextCursor;
            walk = walk with { Latest = latest, Newest = newest };
            if (string.IsNullOrEmpty(cursor)) break;
            state.Walk = walk;
            await SaveStateAsync(channel, state, ct);
        }
        state.Watermark = SlackTs.Max(state.Watermark, walk.Newest);
        state.Walk = null;
        state.LastWalked = time.GetUtcNow();
        Prune(state, limits);
        await SaveStateAsync(channel, state, ct);
        return null;
    }

    /// <summary>Re-walks back over the thread window so that new replies to recent-but-older threads show up.</summary>
    private string? HistoryOldest(SlackChannelState state, SlackBudget limits)
    {
        if (state.Watermark is null) return null;
        if (limits.ThreadWindow <= TimeSpan.Zero) return state.Watermark;
        return SlackTs.Min(state.Watermark, SlackTs.FromTime(time.GetUtcNow() - limits.ThreadWindow));
    }

    private void Prune(SlackChannelState state, SlackBudget limits)
    {
        var horizon = HistoryOldest(state, limits);
        if (horizon is null) return;
        var pending = state.Pending.ToHashSet(StringComparer.Ordinal);
        foreach (var ts in state.Threads.Keys.ToList())
        {
            if (SlackTs.Compare(ts, horizon) < 0 && !pending.Contains(ts)) state.Threads.Remove(ts);
        }
    }

    private bool IsFeedback(SlackMessage m) =>
        m.BotId is null && m.User is not null && !directory.IsBot(m.User)
        && (m.Subtype is null || FeedbackSubtypes.Contains(m.Subtype));

    private static IEnumerable<string> UsersIn(IEnumerable<SlackMessage> messages) =>
        messages.SelectMany(m => SlackMrkdwn.MentionedUsers(m.Text).Prepend(m.User ?? "")).Where(u => u.Length > 0);

    private async Task<FeedbackItem> BuildItemAsync(string channel, SlackMessage parent, IReadOnlyList<FeedbackReply> replies, CancellationToken ct)
    {
        var created = SlackTs.ToTime(parent.Ts);
        return new FeedbackItem
        {
            Id = ItemId(channel, parent.Ts),
            Source = FeedbackSource.Slack,
            Location = channel,
            Body = Decode(parent.Text),
            RawBody = parent.Text,
            Replies = replies,
            Url = await directory.PermalinkAsync(channel, parent.Ts, ct),
            Author = parent.User is null ? "" : directory.UserName(parent.User) ?? parent.User,
            CreatedAt = created,
            UpdatedAt = replies.Count == 0 ? created : replies.Max(r => r.CreatedAt),
            Reactions = parent.ReactionTotal,
        };
    }

    private string Decode(string raw) => SlackMrkdwn.Decode(raw, directory.UserName, directory.ChannelName);

    private async Task<SlackChannelState> LoadStateAsync(string channel, CancellationToken ct)
    {
        var json = await cursors.GetAsync("slack", channel + ":history", ct);
        return string.IsNullOrEmpty(json) ? new SlackChannelState() : JsonSerializer.Deserialize(json, SlackStateJsonContext.Default.SlackChannelState) ?? new();
    }

    private Task SaveStateAsync(string channel, SlackChannelState state, CancellationToken ct) =>
        cursors.SetAsync("slack", channel + ":history", JsonSerializer.Serialize(state, SlackStateJsonContext.Default.SlackChannelState), ct);

    internal static string ItemId(string channel, string ts) => $"slack:{channel}:{ts}";
    private static string TsOf(FeedbackItem item) => item.Id[(item.Id.LastIndexOf(':') + 1)..];
    private static string Key(string channel, string ts) => channel + "/" + ts;

    private static string TextHash(string raw) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..16];
}
