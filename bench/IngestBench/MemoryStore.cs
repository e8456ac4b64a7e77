using System.Collections.Concurrent;
using TriageBot.Domain;
using TriageBot.Storage;

/// <summary>Cursor and item store in memory, to measure ingest without the database.</summary>
internal sealed class MemoryStore : ICursorStore, IItemStore
{
    private readonly ConcurrentDictionary<(string, string), string> _cursors = new();
    private readonly ConcurrentDictionary<string, FeedbackItem> _items = new(StringComparer.Ordinal);

    public Task<string?> GetAsync(string source, string key, CancellationToken ct) => Task.FromResult(_cursors.GetValueOrDefault((source, key)));

    public Task SetAsync(string source, string key, string value, CancellationToken ct)
    {
        _cursors[(source, key)] = value;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, ItemChange>> UpsertAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct)
    {
        var result = new Dictionary<string, ItemChange>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var change = !_items.TryGetValue(item.Id, out var old) ? ItemChange.New
                : old.ContentHash != item.ContentHash ? ItemChange.Updated : ItemChange.Unchanged;
            _items[item.Id] = item;
            result[item.Id] = change;
        }
        return Task.FromResult<IReadOnlyDictionary<string, ItemChange>>(result);
    }

    public Task<FeedbackItem?> GetAsync(string id, CancellationToken ct) => Task.FromResult(_items.GetValueOrDefault(id));
    public Task<IReadOnlyList<FeedbackItem>> GetAllAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<FeedbackItem>>([.. _items.Values]);
    public Task<int> CountAsync(CancellationToken ct) => Task.FromResult(_items.Count);
}
