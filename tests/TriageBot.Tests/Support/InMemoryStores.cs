using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Tests.Support;

/// <summary>
/// Cursor and item stores in memory, for tests of the stages. Records every upsert so tests can assert that
/// an item was read exactly once. Thread-safe.
/// </summary>
public sealed class InMemoryStores : ICursorStore, IItemStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), string> _cursors = [];
    private readonly Dictionary<string, FeedbackItem> _items = new(StringComparer.Ordinal);
    private readonly List<(string Id, ItemChange Change)> _upserts = [];

    /// <summary>Every item id passed to <see cref="UpsertAsync"/>, in order, with what the store made of it.</summary>
    public IReadOnlyList<(string Id, ItemChange Change)> Upserts
    {
        get { lock (_lock) return [.. _upserts]; }
    }

    public void ClearUpserts()
    {
        lock (_lock) _upserts.Clear();
    }

    public IReadOnlyDictionary<(string Source, string Key), string> Cursors
    {
        get { lock (_lock) return new Dictionary<(string, string), string>(_cursors); }
    }

    public Task<string?> GetAsync(string source, string key, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_cursors.GetValueOrDefault((source, key)));
    }

    public Task SetAsync(string source, string key, string value, CancellationToken ct)
    {
        lock (_lock) _cursors[(source, key)] = value;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<string, ItemChange>> UpsertAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct)
    {
        var result = new Dictionary<string, ItemChange>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var item in items)
            {
                var change = !_items.TryGetValue(item.Id, out var old) ? ItemChange.New
                    : old.ContentHash != item.ContentHash ? ItemChange.Updated
                    : ItemChange.Unchanged;
                _items[item.Id] = item;
                result[item.Id] = change;
                _upserts.Add((item.Id, change));
            }
        }
        return Task.FromResult<IReadOnlyDictionary<string, ItemChange>>(result);
    }

    public Task<FeedbackItem?> GetAsync(string id, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_items.GetValueOrDefault(id));
    }

    public Task<IReadOnlyList<FeedbackItem>> GetAllAsync(CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<FeedbackItem>>([.. _items.Values]);
    }

    public Task<int> CountAsync(CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(_items.Count);
    }
}
