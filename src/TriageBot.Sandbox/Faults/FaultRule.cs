namespace TriageBot.Sandbox;

public enum FaultKind
{
    /// <summary>The service's own rate-limit answer (Slack 429 + Retry-After, GitHub 403/429 + x-ratelimit-*,
    /// X 429 + x-rate-limit-reset, Linear 400 RATELIMITED, OpenAI 429).</summary>
    RateLimit,
    /// <summary>A 5xx (Status, default 503).</summary>
    ServerError,
    /// <summary>No answer for DelaySeconds on the sandbox clock (past the client's timeout), then the normal answer.</summary>
    Timeout,
    /// <summary>HTTP 200 with a truncated JSON body.</summary>
    Malformed,
}

/// <summary>
/// One fault rule. Matches requests of <paramref name="Service"/> ("slack", "github", "x", "linear", "openai";
/// "*" for all) whose path contains <paramref name="Path"/> (when given). Count alone: the next Count matching
/// requests fail. Rate alone: each matching request fails with that probability (seeded). Both: by rate, at most
/// Count times. Neither: every matching request fails.
/// </summary>
public sealed record FaultRule(
    string Service,
    FaultKind Kind,
    double? Rate = null,
    int? Count = null,
    string? Path = null,
    int? Status = null,
    int RetryAfterSeconds = 1,
    double DelaySeconds = 120);
