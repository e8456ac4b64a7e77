using TriageBot.Clients.Slack;
using TriageBot.Domain;

namespace TriageBot.Ingest.Slack;

public sealed partial class SlackThreadReader
{
    // Threads are stored in batches: fewer store round-trips and cursor writes, same safety (items first).
    private const int ThreadFlushSize = 100;

    private async Task<string?> ReadPendingThreadsAsync(string channel, SlackChannelState state, ReadTally tally, CancellationToken ct)
    {
        var limits = budget.Limits;
        var batch = new List<(FeedbackItem? Item, string Ts, SlackThreadMark? Mark)>();
        try
        {
            foreach (var ts in state.Pending.ToList())
            {
                state.Threads.TryGetValue(ts, out var mark);
                var stored = mark?.R is null ? null : await items.GetAsync(ItemId(channel, ts), ct);
                // Only the replies after the newest one we hold; the rest is in the store already.
                var oldest = stored is null ? null : mark!.R;

                var messages = new List<SlackMessage>();
                string? cursor = null;
                do
                {
                    if (!await budget.TryAcquireAsync(SlackRequestBudget.Replies, ct))
                        return $"Slack replies budget exhausted at {channel}; continuing next run";
                    var page = await slack.GetRepliesAsync(channel, ts, oldest, cursor, limits.PageSize, ct);
                    messages.AddRange(page.Items);
                    cursor = page.NextCursor;
                } while (!string.IsNullOrEmpty(cursor));

                if (!await directory.ResolveUsersAsync(UsersIn(messages), ct)) return "Slack users.info budget exhausted; continuing next run";
                batch.Add(await BuildThreadAsync(channel, ts, messages, stored, mark, ct));
                if (batch.Count >= ThreadFlushSize) await FlushThreadsAsync(channel, state, batch, tally, ct);
            }
            return null;
        }
        finally
        {
            // Whatever was read completely is kept, even when the run stops here.
            await FlushThreadsAsync(channel, state, batch, tally, CancellationToken.None);
        }
    }

    private async Task<(FeedbackItem? Item, string Ts, SlackThreadMark? Mark)> BuildThreadAsync(
        string channel, string ts, List<SlackMessage> messages, FeedbackItem? stored, SlackThreadMark? mark, CancellationToken ct)
    {
        var parent = messages.FirstOrDefault(m => m.Ts == ts) ?? _parents.GetValueOrDefault(Key(channel, ts));
        var replyMessages = messages.Where(m => m.Ts != ts).ToList();
        var latestReply = replyMessages.Aggregate(mark?.R, (acc, m) => SlackTs.Max(acc, m.Ts));
        if (parent?.LatestReply is { } lr) latestReply = SlackTs.Max(latestReply, lr);

        if (parent is null && stored is null) return (null, ts, null); // the parent is gone
        if (parent is not null && !IsFeedback(parent)) return (null, ts, new SlackThreadMark(latestReply, TextHash(parent.Text)));

        var link = stored?.Url ?? (parent is null ? "" : await directory.PermalinkAsync(channel, ts, ct));
        var newReplies = new List<FeedbackReply>();
        foreach (var m in replyMessages.Where(IsFeedback))
        {
            newReplies.Add(new FeedbackReply(m.Ts, directory.UserName(m.User!) ?? m.User!, Decode(m.Text), SlackTs.ToTime(m.Ts),
                $"{await directory.PermalinkAsync(channel, m.Ts, ct)}?thread_ts={ts}&cid={channel}"));
        }
        var replies = ReplyMerge.Merge(stored?.Replies ?? [], newReplies);

        FeedbackItem item;
        if (parent is not null)
        {
            item = await BuildItemAsync(channel, parent, replies, ct);
        }
        else
        {
            item = stored! with { Replies = replies, UpdatedAt = replies.Count == 0 ? stored.CreatedAt : replies.Max(r => r.CreatedAt), Url = link };
        }
        return (item, ts, new SlackThreadMark(latestReply, TextHash(item.RawBody)));
    }

    private async Task FlushThreadsAsync(string channel, SlackChannelState state,
        List<(FeedbackItem? Item, string Ts, SlackThreadMark? Mark)> batch, ReadTally tally, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var toStore = batch.Where(b => b.Item is not null).Select(b => b.Item!).ToList();
        if (toStore.Count > 0) tally.Add(await items.UpsertAsync(toStore, ct));
        foreach (var (_, ts, mark) in batch)
        {
            if (mark is not null) state.Threads[ts] = mark;
            else state.Threads.Remove(ts);
        }
        var done = batch.Select(b => b.Ts).ToHashSet(StringComparer.Ordinal);
        state.Pending.RemoveAll(done.Contains);
        batch.Clear();
        await SaveStateAsync(channel, state, ct);
    }
}
