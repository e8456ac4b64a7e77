using TriageBot.Clients.Slack;
using TriageBot.Domain;

namespace TriageBot.Ingest.Slack;

public sealed partial class SlackThreadReader
{
    // Threads are stored in batches: fewer store round-trips and cursor writes, same safety (items first).
    // Unlimited (no budget to stop a run midway): larger batches, as each flush rewrites the channel's whole state.
    private const int ThreadFlushSize = 100;
    private int FlushSize => Parallelism == 1 ? ThreadFlushSize : 4 * ThreadFlushSize;

    private sealed record FetchedThread(string Ts, List<SlackMessage>? Messages, FeedbackItem? Stored, SlackThreadMark? Mark);

    private async Task<string?> ReadPendingThreadsAsync(string channel, SlackChannelState state, ReadTally tally, CancellationToken ct)
    {
        var batch = new List<(FeedbackItem? Item, string Ts, SlackThreadMark? Mark)>();
        var pending = state.Pending.ToList();
        var width = Parallelism == 1 ? 1 : 8;
        try
        {
            for (var i = 0; i < pending.Count; i += width)
            {
                var chunk = new List<FetchedThread>();
                foreach (var ts in pending.Skip(i).Take(width))
                {
                    state.Threads.TryGetValue(ts, out var mark);
                    var stored = mark?.R is null ? null : await items.GetAsync(ItemId(channel, ts), ct);
                    chunk.Add(new FetchedThread(ts, null, stored, mark));
                }
                var fetched = await Task.WhenAll(chunk.Select(t => FetchRepliesAsync(channel, t, ct)));
                foreach (var t in fetched)
                {
                    if (t.Messages is null) return $"Slack replies budget exhausted at {channel}; continuing next run";
                    if (!await directory.ResolveUsersAsync(UsersIn(t.Messages), ct)) return "Slack users.info budget exhausted; continuing next run";
                    batch.Add(await BuildThreadAsync(channel, t.Ts, t.Messages, t.Stored, t.Mark, ct));
                }
                if (batch.Count >= FlushSize) await FlushThreadsAsync(channel, state, batch, tally, ct);
            }
            return null;
        }
        finally
        {
            // Whatever was read completely is kept, even when the run stops here.
            await FlushThreadsAsync(channel, state, batch, tally, CancellationToken.None);
        }
    }

    /// <summary>The thread's replies after the newest one we hold (all of them for a new thread); null messages = out of budget.</summary>
    private async Task<FetchedThread> FetchRepliesAsync(string channel, FetchedThread thread, CancellationToken ct)
    {
        var oldest = thread.Stored is null ? null : thread.Mark!.R;
        var messages = new List<SlackMessage>();
        string? cursor = null;
        do
        {
            if (!await budget.TryAcquireAsync(SlackRequestBudget.Replies, ct)) return thread;
            var page = await slack.GetRepliesAsync(channel, thread.Ts, oldest, cursor, budget.Limits.PageSize, ct);
            messages.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (!string.IsNullOrEmpty(cursor));
        return thread with { Messages = messages };
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

        var newReplies = new List<FeedbackReply>();
        foreach (var m in replyMessages.Where(IsFeedback))
        {
            newReplies.Add(new FeedbackReply(m.Ts, directory.UserName(m.User!) ?? m.User!, Decode(m.Text), SlackTs.ToTime(m.Ts),
                $"{await directory.PermalinkAsync(channel, m.Ts, ct)}?thread_ts={ts}&cid={channel}"));
        }
        var replies = ReplyMerge.Merge(stored?.Replies ?? [], newReplies);

        var item = parent is not null
            ? await BuildItemAsync(channel, parent, replies, ct)
            : stored! with { Replies = replies, UpdatedAt = replies.Count == 0 ? stored.CreatedAt : replies.Max(r => r.CreatedAt) };
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
