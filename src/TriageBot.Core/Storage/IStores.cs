using TriageBot.Domain;

namespace TriageBot.Storage;

// One interface per concern the stages need. SQLite implements them all by default; PostgreSQL
// for teams that run several nodes. Every method is idempotent where the caller may retry it.

/// <summary>
/// Cursors and watermarks per source: "slack"/"C01:history", "github"/"acme/app:issues", "x"/"q1:since_id"; also what
/// the publishers last wrote ("slack"/"digest:#pm:2026-12-06", the day's digest message), so a rerun edits, not repeats.
/// </summary>
public interface ICursorStore
{
    Task<string?> GetAsync(string source, string key, CancellationToken ct);
    Task SetAsync(string source, string key, string value, CancellationToken ct);
}

public enum ItemChange { New, Updated, Unchanged }

public interface IItemStore
{
    /// <summary>Stores the items; an item whose content hash changed is <see cref="ItemChange.Updated"/>.</summary>
    Task<IReadOnlyDictionary<string, ItemChange>> UpsertAsync(IReadOnlyList<FeedbackItem> items, CancellationToken ct);
    Task<FeedbackItem?> GetAsync(string id, CancellationToken ct);
    Task<IReadOnlyList<FeedbackItem>> GetAllAsync(CancellationToken ct);
    Task<int> CountAsync(CancellationToken ct);
}

/// <summary>Embeddings by item content hash and model, so an item is embedded once in its life.</summary>
public interface IEmbeddingStore
{
    Task<IReadOnlyDictionary<string, float[]>> GetManyAsync(string model, IReadOnlyCollection<string> contentHashes, CancellationToken ct);
    Task PutManyAsync(string model, IReadOnlyDictionary<string, float[]> vectors, CancellationToken ct);
}

public interface IThemeStore
{
    Task<IReadOnlyList<Theme>> GetAllAsync(CancellationToken ct);
    /// <summary>Replaces the set of live themes; themes missing from <paramref name="themes"/> are retired, not deleted.</summary>
    Task SaveAsync(IReadOnlyList<Theme> themes, IReadOnlyList<ThemeEvent> events, CancellationToken ct);
    Task<IReadOnlyList<ThemeEvent>> GetEventsAsync(string? themeId, CancellationToken ct);
    Task<IReadOnlyList<string>> GetNoiseAsync(CancellationToken ct);
    Task SaveNoiseAsync(IReadOnlyList<string> itemIds, CancellationToken ct);
}

/// <summary>A ticket we meant to create: written before issueCreate, so a crash in between is reconciled, not repeated.</summary>
public sealed record TicketIntent(string ThemeId, string IntentKey, DateTimeOffset CreatedAt);

public sealed record TicketMapping(string ThemeId, TicketRef Ticket, IReadOnlyList<string> EvidenceUrls, string ContentKey, int ItemCountAtLastComment);

public interface ITicketStore
{
    Task<TicketMapping?> GetAsync(string themeId, CancellationToken ct);
    Task<IReadOnlyList<TicketMapping>> GetAllAsync(CancellationToken ct);
    Task SaveAsync(TicketMapping mapping, CancellationToken ct);
    /// <summary>Forgets a theme's ticket: the theme is gone and its ticket was marked a duplicate of the theme its reports joined.</summary>
    Task DeleteAsync(string themeId, CancellationToken ct);
    Task<TicketIntent?> GetIntentAsync(string themeId, CancellationToken ct);
    Task SaveIntentAsync(TicketIntent intent, CancellationToken ct);
    Task ClearIntentAsync(string themeId, CancellationToken ct);
}

/// <summary>Model output cached by the theme's content key: an unchanged theme never calls the model again.</summary>
public interface IDraftCache
{
    Task<ThemeDraft?> GetAsync(string contentKey, CancellationToken ct);
    Task PutAsync(string contentKey, ThemeDraft draft, CancellationToken ct);
}

public sealed record RunRecord(string RunId, DateTimeOffset Started, DateTimeOffset? Finished, string Status, string? ReportJson)
{
    /// <summary>The status of a run that started and has not finished (or crashed).</summary>
    public const string Running = "running";
}

public interface IRunStore
{
    Task StartAsync(string runId, DateTimeOffset started, CancellationToken ct);
    Task FinishAsync(string runId, DateTimeOffset finished, string status, string reportJson, CancellationToken ct);
    Task<IReadOnlyList<RunRecord>> GetRecentAsync(int count, CancellationToken ct);
}

/// <summary>Who did what and why: every model call and every write to an outside service.</summary>
public sealed record AuditEntry(DateTimeOffset At, string RunId, string Kind, string Target, string What, string Why, string? Detail = null);

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken ct);
    Task<IReadOnlyList<AuditEntry>> GetAsync(DateTimeOffset? since, CancellationToken ct);
}

/// <summary>
/// The right to run the scheduled pipeline: one run at a time across every node that shares the store, so two nodes
/// never read the same cursors or file the same theme together.
/// </summary>
public interface IRunLock
{
    /// <summary>The lock, held until disposed; null when another run holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(CancellationToken ct);
}

/// <summary>Creates and migrates the schema; called once at start-up.</summary>
public interface IStoreMigrator
{
    Task MigrateAsync(CancellationToken ct);
}
