using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Ingest;

/// <summary>Counts one reader's run. Read = items stored this run (new, updated or unchanged); Skipped = not feedback (bots, joins, PRs, reposts).</summary>
/// <remarks>Thread-safe: a reader may work on several channels at once.</remarks>
internal sealed class ReadTally
{
    private int _read, _new, _updated, _skipped;

    public int Read => _read;
    public int New => _new;
    public int Updated => _updated;
    public int Skipped => _skipped;

    public void Skip(int count = 1) => Interlocked.Add(ref _skipped, count);

    public void Add(IReadOnlyDictionary<string, ItemChange> changes)
    {
        foreach (var change in changes.Values)
        {
            Interlocked.Increment(ref _read);
            if (change == ItemChange.New) Interlocked.Increment(ref _new);
            else if (change == ItemChange.Updated) Interlocked.Increment(ref _updated);
        }
    }

    public SourceReadResult ToResult(FeedbackSource source, string? stopReason) =>
        new(source, Read, New, Updated, Skipped, stopReason is null, stopReason);
}

/// <summary>Merges replies or comments by id: a newer copy replaces an older one; oldest first.</summary>
internal static class ReplyMerge
{
    public static IReadOnlyList<FeedbackReply> Merge(IReadOnlyList<FeedbackReply> existing, IEnumerable<FeedbackReply> incoming)
    {
        var byId = new Dictionary<string, FeedbackReply>(StringComparer.Ordinal);
        foreach (var r in existing) byId[r.Id] = r;
        foreach (var r in incoming) byId[r.Id] = r;
        return byId.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }
}
