using System.Collections.Concurrent;

namespace TriageBot.Diagnostics;

/// <summary>
/// Counters for one pipeline run: API calls per service, tokens, items per source. Shared by all
/// stages (it is how the run report's api_calls are gathered), so it is thread-safe.
/// </summary>
public sealed class RunMetrics
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    public void Add(string name, long by = 1) => _counters.AddOrUpdate(name, by, (_, v) => v + by);
    public long Get(string name) => _counters.TryGetValue(name, out var v) ? v : 0;

    /// <summary>Counters whose name starts with <paramref name="prefix"/>, with the prefix removed.</summary>
    public IReadOnlyDictionary<string, long> WithPrefix(string prefix) =>
        _counters.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
                 .OrderBy(kv => kv.Key, StringComparer.Ordinal)
                 .ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);

    public void CountApiCall(string service) => Add("api." + service);
    public IReadOnlyDictionary<string, long> ApiCalls => WithPrefix("api.");

    public void Reset() => _counters.Clear();
}

/// <summary>Counts every HTTP request a named client sends, under the service's name.</summary>
public sealed class ApiCallCountingHandler(RunMetrics metrics, string service) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        metrics.CountApiCall(service);
        return base.SendAsync(request, cancellationToken);
    }
}
