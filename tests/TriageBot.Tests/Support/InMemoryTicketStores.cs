using System.Collections.Concurrent;
using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Tests.Support;

/// <summary>Ticket mappings and intents in memory, for tests of the ticket writer.</summary>
public sealed class InMemoryTicketStore : ITicketStore
{
    private readonly ConcurrentDictionary<string, TicketMapping> _mappings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TicketIntent> _intents = new(StringComparer.Ordinal);

    public Task<TicketMapping?> GetAsync(string themeId, CancellationToken ct) => Task.FromResult(_mappings.GetValueOrDefault(themeId));
    public Task<IReadOnlyList<TicketMapping>> GetAllAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<TicketMapping>>([.. _mappings.Values]);
    public Task SaveAsync(TicketMapping mapping, CancellationToken ct) { _mappings[mapping.ThemeId] = mapping; return Task.CompletedTask; }
    public Task DeleteAsync(string themeId, CancellationToken ct) { _mappings.TryRemove(themeId, out _); return Task.CompletedTask; }
    public Task<TicketIntent?> GetIntentAsync(string themeId, CancellationToken ct) => Task.FromResult(_intents.GetValueOrDefault(themeId));
    public Task SaveIntentAsync(TicketIntent intent, CancellationToken ct) { _intents[intent.ThemeId] = intent; return Task.CompletedTask; }
    public Task ClearIntentAsync(string themeId, CancellationToken ct) { _intents.TryRemove(themeId, out _); return Task.CompletedTask; }

    /// <summary>Forgets a mapping, as if the process died before saving it.</summary>
    public void Forget(string themeId) => _mappings.TryRemove(themeId, out _);
}

public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentQueue<AuditEntry> _entries = new();
    public IReadOnlyList<AuditEntry> Entries => [.. _entries];
    public Task AppendAsync(AuditEntry entry, CancellationToken ct) { _entries.Enqueue(entry); return Task.CompletedTask; }
    public Task<IReadOnlyList<AuditEntry>> GetAsync(DateTimeOffset? since, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _entries.Where(e => since is null || e.At >= since)]);
}

public sealed class InMemoryDraftCache : IDraftCache
{
    private readonly ConcurrentDictionary<string, ThemeDraft> _drafts = new(StringComparer.Ordinal);
    public int Count => _drafts.Count;
    public Task<ThemeDraft?> GetAsync(string contentKey, CancellationToken ct) => Task.FromResult(_drafts.GetValueOrDefault(contentKey));
    public Task PutAsync(string contentKey, ThemeDraft draft, CancellationToken ct) { _drafts[contentKey] = draft; return Task.CompletedTask; }
}
