namespace TriageBot.Sandbox;

/// <summary>Injects faults into matching requests. Thread-safe; draws come from a seeded Random.</summary>
public sealed class FaultInjector(int seed)
{
    private readonly Lock _sync = new();
    private readonly Random _random = new(seed);
    private readonly List<ActiveRule> _rules = [];
    private readonly Dictionary<string, int> _injected = new(StringComparer.Ordinal);

    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Rate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(rule), "Rate must be within 0..1.");
        if (rule.Count is < 0) throw new ArgumentOutOfRangeException(nameof(rule), "Count must not be negative.");
        lock (_sync) _rules.Add(new ActiveRule(rule));
    }

    public void Clear()
    {
        lock (_sync) _rules.Clear();
    }

    public IReadOnlyList<FaultRule> Rules
    {
        get { lock (_sync) return [.. _rules.Select(r => r.Rule)]; }
    }

    /// <summary>How many faults were injected into <paramref name="service"/> ("*" or null: all services).</summary>
    public int Injected(string? service = null)
    {
        lock (_sync)
        {
            return service is null or "*" ? _injected.Values.Sum() : _injected.GetValueOrDefault(service);
        }
    }

    internal FaultRule? Next(string service, string path)
    {
        lock (_sync)
        {
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                if (rule.Service != "*" && !string.Equals(rule.Service, service, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.Path is { Length: > 0 } p && !path.Contains(p, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.Count is { } count && active.Fired >= count) continue;
                if (rule.Rate is { } rate && _random.NextDouble() >= rate) continue;
                active.Fired++;
                _injected[service] = _injected.GetValueOrDefault(service) + 1;
                return rule;
            }
            return null;
        }
    }

    private sealed class ActiveRule(FaultRule rule)
    {
        public FaultRule Rule { get; } = rule;
        public int Fired { get; set; }
    }
}
