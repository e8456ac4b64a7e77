namespace TriageBot.Sandbox;

/// <summary>One request the sandbox answered. Operation: the Slack method, the path below the service
/// prefix, or what an endpoint set (e.g. a GraphQL operation name).</summary>
public sealed record RequestLogEntry(
    DateTimeOffset At, string Service, string Method, string Path, string Query, string Operation, int StatusCode, FaultKind? Fault);

/// <summary>Every request served, in order. Thread-safe.</summary>
public sealed class RequestLog
{
    /// <summary>HttpContext.Items key an endpoint sets to name the operation in the log.</summary>
    public const string OperationItem = "sandbox.operation";
    private readonly Lock _sync = new();
    private readonly List<RequestLogEntry> _entries = [];

    public IReadOnlyList<RequestLogEntry> Entries
    {
        get { lock (_sync) return [.. _entries]; }
    }

    /// <summary>Requests to <paramref name="service"/> whose operation or path contains <paramref name="operation"/> (when given).</summary>
    public int Count(string service, string? operation = null)
    {
        lock (_sync)
        {
            return _entries.Count(e => e.Service == service
                && (operation is null || e.Operation.Contains(operation, StringComparison.OrdinalIgnoreCase)
                                      || e.Path.Contains(operation, StringComparison.OrdinalIgnoreCase)));
        }
    }

    public void Clear()
    {
        lock (_sync) _entries.Clear();
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (_sync) _entries.Add(entry);
    }
}
