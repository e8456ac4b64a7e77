using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Ingest;

/// <summary>Counts one reader's run. Read = items stored this run (new, updated or unchanged); Skipped = not feedback (bots, joins, PRs, reposts).</summary>
internal sealed class ReadTally
{
    public int Read { get; private set; }
    public int New { get; private set; }
    public int Updated { get; private set; }
    public int Skipped { get; set; }

    public void Add(IReadOnlyDictionary<string, ItemChange> changes)
    {
        foreach (var change in changes.Values)
        {
            Read++;
            if (change == ItemChange.New) New++;
            else if (change == ItemChange.Updated) Updated++;
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
