namespace TriageBot.Sandbox;

/// <summary>
/// Scripted answers for chat/completions: each queued content is returned, in order, as the next
/// completion's message content (verbatim, even when it is not valid JSON). When the queue is empty the
/// sandbox answers with its deterministic schema-valid output. Also records every chat request body.
/// </summary>
public sealed class OpenAIScript
{
    private readonly Lock _sync = new();
    private readonly Queue<string> _queue = new();
    private readonly List<string> _requests = [];

    public void Enqueue(string content)
    {
        lock (_sync) _queue.Enqueue(content);
    }

    public int Pending
    {
        get { lock (_sync) return _queue.Count; }
    }

    /// <summary>Raw JSON bodies of every chat/completions request received.</summary>
    public IReadOnlyList<string> ChatRequests
    {
        get { lock (_sync) return [.. _requests]; }
    }

    internal string? Next(string requestBody)
    {
        lock (_sync)
        {
            _requests.Add(requestBody);
            return _queue.TryDequeue(out var content) ? content : null;
        }
    }
}
