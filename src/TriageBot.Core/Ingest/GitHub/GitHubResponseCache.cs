using System.Net;
using System.Text.Json;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;
using TriageBot.Storage;

namespace TriageBot.Ingest.GitHub;

/// <summary>
/// Octokit's <see cref="IResponseCache"/>: the last few responses in memory (Octokit sends If-None-Match with
/// their ETag and gets a free 304), plus named slots saved in the cursor store so that the first request of
/// the next run, which repeats the last one of this run, is conditional too.
/// </summary>
public sealed class GitHubResponseCache : IResponseCache
{
    private const int Capacity = 8;
    private readonly Dictionary<string, CachedResponse.V1> _entries = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>The key of the last GET Octokit asked about.</summary>
    public string? LastRequestKey { get; private set; }

    public Task<CachedResponse.V1> GetAsync(IRequest request)
    {
        var key = KeyOf(request);
        lock (_lock)
        {
            LastRequestKey = key;
            return Task.FromResult(_entries.GetValueOrDefault(key)!);
        }
    }

    public Task SetAsync(IRequest request, CachedResponse.V1 cachedResponse)
    {
        if (cachedResponse.Body is string) Put(KeyOf(request), cachedResponse);
        return Task.CompletedTask;
    }

    public async Task LoadAsync(ICursorStore cursors, string slot, CancellationToken ct)
    {
        var json = await cursors.GetAsync("github", slot, ct);
        if (string.IsNullOrEmpty(json)) return;
        var saved = JsonSerializer.Deserialize<SavedResponse>(json);
        if (saved is null) return;
        var headers = saved.Headers;
        var etag = headers.FirstOrDefault(h => string.Equals(h.Key, "ETag", StringComparison.OrdinalIgnoreCase)).Value;
        var apiInfo = new ApiInfo(new Dictionary<string, Uri>(), [], [], etag, new RateLimit(), TimeSpan.Zero);
        Put(saved.Key, new CachedResponse.V1(saved.Body, headers, apiInfo, (HttpStatusCode)saved.Status, saved.ContentType));
    }

    /// <summary>Keeps the response to <paramref name="key"/> for the next run. No-op when it is not cached.</summary>
    public async Task SaveAsync(ICursorStore cursors, string slot, string? key, CancellationToken ct)
    {
        CachedResponse.V1? entry;
        lock (_lock) entry = key is null ? null : _entries.GetValueOrDefault(key);
        if (entry?.Body is not string body) return;
        var saved = new SavedResponse(key!, (int)entry.StatusCode, entry.ContentType, body, entry.Headers.ToDictionary());
        await cursors.SetAsync("github", slot, JsonSerializer.Serialize(saved), ct);
    }

    private void Put(string key, CachedResponse.V1 response)
    {
        lock (_lock)
        {
            if (!_entries.ContainsKey(key)) _order.Enqueue(key);
            _entries[key] = response;
            while (_order.Count > Capacity) _entries.Remove(_order.Dequeue());
        }
    }

    internal static string KeyOf(IRequest request)
    {
        var uri = request.Endpoint.IsAbsoluteUri ? request.Endpoint : new Uri(request.BaseAddress, request.Endpoint);
        var parameters = request.Parameters is { Count: > 0 } p
            ? "|" + string.Join("&", p.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value))
            : "";
        return uri + parameters;
    }

    private sealed record SavedResponse(string Key, int Status, string ContentType, string Body, Dictionary<string, string> Headers);
}
