using System.ComponentModel.DataAnnotations;

namespace TriageBot.Ingest.Resilience;

/// <summary>Retries and timeouts of one service's HTTP client (section <c>Slack:Http</c>, <c>GitHub:Http</c>, <c>X:Http</c>).</summary>
public sealed class ServiceHttpOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay when the service did not say how long to wait; doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The longest server-requested wait (Retry-After, reset headers) honoured inside one call. A longer wait is
    /// not slept through: the call fails with the rate-limit answer and the reader stops cleanly, keeping its cursor.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
