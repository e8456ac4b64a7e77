namespace TriageBot.Sandbox;

/// <summary>
/// Fixed windows per (service, method) on the sandbox clock, with the numbers of ../shared/apis.md.
/// Counts always (GitHub and X report remaining quota in headers); rejects only when enforcement is on,
/// or for Slack history/replies under the NonMarketplace tier.
/// </summary>
internal sealed class RateLimitEnforcer(SandboxOptions options, TimeProvider clock)
{
    private readonly Lock _sync = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public sealed record Limit(int Requests, TimeSpan Period, bool AlwaysEnforced);

    public sealed record Decision(bool Allowed, int Limit, int Remaining, DateTimeOffset Reset);

    public static string Key(string service, string operation) => service switch
    {
        "slack" => "slack:" + operation,
        _ => service, // GitHub, X, Linear, OpenAI: one quota per app/token
    };

    public Limit? LimitFor(string service, string operation)
    {
        var nonMarketplace = options.SlackTier == SlackTier.NonMarketplace;
        return service switch
        {
            "slack" => operation switch
            {
                "conversations.history" or "conversations.replies" => nonMarketplace
                    ? new Limit(1, TimeSpan.FromMinutes(1), true)
                    : new Limit(50, TimeSpan.FromMinutes(1), false),
                "conversations.list" => new Limit(20, TimeSpan.FromMinutes(1), false),
                "chat.postMessage" => new Limit(60, TimeSpan.FromMinutes(1), false),
                "chat.update" => new Limit(50, TimeSpan.FromMinutes(1), false),
                _ => new Limit(100, TimeSpan.FromMinutes(1), false),
            },
            "github" => new Limit(5000, TimeSpan.FromHours(1), false),
            "x" => new Limit(450, TimeSpan.FromMinutes(15), false),
            "linear" => new Limit(2500, TimeSpan.FromHours(1), false),
            _ => null,
        };
    }

    public Decision Acquire(string service, string operation)
    {
        var limit = LimitFor(service, operation);
        if (limit is null) return new Decision(true, int.MaxValue, int.MaxValue, clock.GetUtcNow());
        var enforce = options.EnforceRateLimits || limit.AlwaysEnforced;
        var now = clock.GetUtcNow();
        lock (_sync)
        {
            var key = Key(service, operation);
            if (!_windows.TryGetValue(key, out var w) || now >= w.Start + limit.Period)
            {
                w = new Window { Start = now };
                _windows[key] = w;
            }
            var reset = w.Start + limit.Period;
            if (w.Used >= limit.Requests && enforce)
                return new Decision(false, limit.Requests, 0, reset);
            w.Used++;
            return new Decision(true, limit.Requests, Math.Max(0, limit.Requests - w.Used), reset);
        }
    }

    /// <summary>Gives a request back (GitHub does not count a 304).</summary>
    public void Refund(string service, string operation)
    {
        lock (_sync)
        {
            if (_windows.TryGetValue(Key(service, operation), out var w) && w.Used > 0) w.Used--;
        }
    }

    private sealed class Window
    {
        public DateTimeOffset Start { get; init; }
        public int Used { get; set; }
    }
}
