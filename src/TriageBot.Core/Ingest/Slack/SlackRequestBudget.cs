using System.Globalization;
using Microsoft.Extensions.Options;
using TriageBot.Clients.Slack;
using TriageBot.Storage;

namespace TriageBot.Ingest.Slack;

/// <summary>
/// Token buckets per Web API method on the injected clock. Slack's limits are per workspace and app, across
/// runs, so the buckets' state is kept in the cursor store between runs. A bucket holds one minute's worth
/// of requests (at least one) and starts full.
/// </summary>
public sealed class SlackRequestBudget(IOptionsMonitor<SlackOptions> options, TimeProvider time, ICursorStore cursors)
{
    public const string History = "conversations.history";
    public const string Replies = "conversations.replies";
    public const string List = "conversations.list";
    public const string Users = "users.info";

    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SlackBudget Limits => options.CurrentValue.Budget.Resolve();
    public TimeSpan MaxWait => options.CurrentValue.Budget.MaxWait;

    /// <summary>Takes one request's worth, waiting on the clock if the wait is within <see cref="MaxWait"/>; false = stop for this run.</summary>
    public async Task<bool> TryAcquireAsync(string method, CancellationToken ct)
    {
        var bucket = await GetBucketAsync(method, ct);
        if (bucket is null) return true;
        while (true)
        {
            var wait = bucket.TryTake(time.GetUtcNow());
            if (wait == TimeSpan.Zero) return true;
            if (wait > MaxWait) return false;
            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>How long until <paramref name="method"/> may be called again (zero when it may now).</summary>
    public async Task<TimeSpan> TimeUntilAvailableAsync(string method, CancellationToken ct)
    {
        var bucket = await GetBucketAsync(method, ct);
        return bucket?.TimeUntilToken(time.GetUtcNow()) ?? TimeSpan.Zero;
    }

    /// <summary>Writes the buckets' state so the next run (maybe another process) does not start with a full budget.</summary>
    public async Task SaveAsync(CancellationToken ct)
    {
        List<(string, Bucket)> snapshot;
        await _gate.WaitAsync(ct);
        try { snapshot = _buckets.Select(kv => (kv.Key, kv.Value)).ToList(); }
        finally { _gate.Release(); }
        foreach (var (method, b) in snapshot)
        {
            await cursors.SetAsync("slack", "budget:" + method,
                string.Create(CultureInfo.InvariantCulture, $"{b.Tokens:R}|{b.At.UtcTicks}"), ct);
        }
    }

    private async Task<Bucket?> GetBucketAsync(string method, CancellationToken ct)
    {
        var perMinute = RateFor(method);
        if (perMinute <= 0) return null;
        await _gate.WaitAsync(ct);
        try
        {
            if (_buckets.TryGetValue(method, out var b) && b.PerMinute == perMinute) return b;
            b = new Bucket(perMinute, time.GetUtcNow());
            var saved = await cursors.GetAsync("slack", "budget:" + method, ct);
            if (saved?.Split('|') is [var tokens, var ticks]
                && double.TryParse(tokens, NumberStyles.Float, CultureInfo.InvariantCulture, out var t)
                && long.TryParse(ticks, NumberStyles.Integer, CultureInfo.InvariantCulture, out var at))
            {
                b.Restore(t, new DateTimeOffset(at, TimeSpan.Zero));
            }
            _buckets[method] = b;
            return b;
        }
        finally { _gate.Release(); }
    }

    private double RateFor(string method)
    {
        var l = Limits;
        return method switch
        {
            History => l.HistoryPerMinute,
            Replies => l.RepliesPerMinute,
            List => l.ListPerMinute,
            Users => l.UsersPerMinute,
            _ => 0,
        };
    }

    internal sealed class Bucket(double perMinute, DateTimeOffset now)
    {
        private readonly Lock _sync = new();

        public double PerMinute { get; } = perMinute;
        public double Capacity { get; } = Math.Max(1, perMinute);
        public double Tokens { get; private set; } = Math.Max(1, perMinute);
        public DateTimeOffset At { get; private set; } = now;

        public void Restore(double tokens, DateTimeOffset at)
        {
            Tokens = Math.Clamp(tokens, 0, Capacity);
            At = at;
        }

        private void Refill(DateTimeOffset now)
        {
            if (now <= At) return;
            Tokens = Math.Min(Capacity, Tokens + (now - At).TotalMinutes * PerMinute);
            At = now;
        }

        public TimeSpan TimeUntilToken(DateTimeOffset now)
        {
            lock (_sync)
            {
                Refill(now);
                return Tokens >= 1 ? TimeSpan.Zero : Shortfall();
            }
        }

        /// <summary>Takes a token and returns zero, or returns how long until one is there.</summary>
        public TimeSpan TryTake(DateTimeOffset now)
        {
            lock (_sync)
            {
                Refill(now);
                if (Tokens < 1) return Shortfall();
                Tokens -= 1;
                return TimeSpan.Zero;
            }
        }

        // Rounded up to whole milliseconds so that after waiting the token is really there.
        private TimeSpan Shortfall() => TimeSpan.FromMilliseconds(Math.Ceiling((1 - Tokens) / PerMinute * 60_000));
    }
}
