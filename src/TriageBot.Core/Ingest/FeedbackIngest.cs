using Microsoft.Extensions.Logging;

namespace TriageBot.Ingest;

/// <summary>The ingest stage: runs every enabled reader once and returns what each did.</summary>
public sealed class FeedbackIngest(IEnumerable<IFeedbackReader> readers, ILogger<FeedbackIngest> log)
{
    /// <param name="parallel">Read the sources at once (the store must then be safe for concurrent use).</param>
    public async Task<IReadOnlyList<SourceReadResult>> RunAsync(CancellationToken ct, bool parallel = false)
    {
        var enabled = readers.Where(r => r.Enabled).ToList();
        SourceReadResult[] results;
        if (parallel)
        {
            results = await Task.WhenAll(enabled.Select(r => r.ReadAsync(ct)));
        }
        else
        {
            results = new SourceReadResult[enabled.Count];
            for (var i = 0; i < enabled.Count; i++) results[i] = await enabled[i].ReadAsync(ct);
        }
        foreach (var r in results)
        {
            log.LogInformation("{Source}: read {Read} (new {New}, updated {Updated}), skipped {Skipped}{Stop}",
                r.Source, r.Read, r.New, r.Updated, r.Skipped, r.Complete ? "" : " — stopped: " + r.StopReason);
        }
        return results;
    }
}
