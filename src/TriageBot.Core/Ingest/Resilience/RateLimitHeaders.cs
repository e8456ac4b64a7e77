using System.Globalization;
using System.Net;

namespace TriageBot.Ingest.Resilience;

/// <summary>Reads the services' "wait this long" signals: Retry-After (Slack, GitHub), x-ratelimit-reset (GitHub), x-rate-limit-reset (X).</summary>
public static class RateLimitHeaders
{
    private static readonly string[] ResetHeaders = ["x-rate-limit-reset", "x-ratelimit-reset"];

    /// <summary>How long the service asked us to wait, or null when it did not say.</summary>
    public static TimeSpan? RequestedDelay(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return NotNegative(delta);
            if (retryAfter.Date is { } date) return NotNegative(date - now);
        }
        foreach (var name in ResetHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values)
                && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
            {
                return NotNegative(DateTimeOffset.FromUnixTimeSeconds(epoch) - now);
            }
        }
        return null;
    }

    /// <summary>Same as <see cref="RequestedDelay(HttpResponseMessage, DateTimeOffset)"/> over a plain header dictionary (Octokit's).</summary>
    public static TimeSpan? RequestedDelay(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        string? Get(string name) =>
            headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        if (Get("Retry-After") is { } ra)
        {
            if (int.TryParse(ra, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return NotNegative(TimeSpan.FromSeconds(seconds));
            if (DateTimeOffset.TryParse(ra, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return NotNegative(date - now);
        }
        foreach (var name in ResetHeaders)
        {
            if (long.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
                return NotNegative(DateTimeOffset.FromUnixTimeSeconds(epoch) - now);
        }
        return null;
    }

    /// <summary>429 anywhere; GitHub also signals its primary and secondary limits with 403.</summary>
    public static bool IsRateLimited(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests) return true;
        if (response.StatusCode != HttpStatusCode.Forbidden) return false;
        if (response.Headers.RetryAfter is not null) return true;
        return response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining) && remaining.FirstOrDefault() == "0";
    }

    private static TimeSpan NotNegative(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
