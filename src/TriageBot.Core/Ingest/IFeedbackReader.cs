using TriageBot.Domain;

namespace TriageBot.Ingest;

/// <summary>What one reader did in one run.</summary>
public sealed record SourceReadResult(
    FeedbackSource Source,
    int Read,
    int New,
    int Updated,
    int Skipped,
    bool Complete,
    string? StopReason = null);

/// <summary>
/// Reads one source incrementally: what is new or changed since its cursors, within its budget.
/// It stores the items it read (<see cref="Storage.IItemStore"/>) before it moves a cursor, so an
/// interrupted run loses nothing and reads nothing twice.
/// </summary>
public interface IFeedbackReader
{
    FeedbackSource Source { get; }
    bool Enabled { get; }
    Task<SourceReadResult> ReadAsync(CancellationToken ct);
}
