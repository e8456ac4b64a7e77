using System.ComponentModel.DataAnnotations;

namespace TriageBot.Tickets;

public enum TicketMode { Create, Suggest }

/// <summary>The <c>Tickets</c> configuration section.</summary>
public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>Create files tickets; Suggest writes drafts only (filed later by <c>tickets approve</c>).</summary>
    public TicketMode Mode { get; set; } = TicketMode.Create;

    /// <summary>A theme needs this many reports before it gets a ticket: one message is not yet a pattern.</summary>
    [Range(1, 10_000)]
    public int MinItems { get; set; } = 2;

    /// <summary>A done or cancelled ticket whose theme comes back gets a new ticket marked as a regression.</summary>
    public bool RegressionOnClosed { get; set; } = true;

    /// <summary>New reports since the last comment that make a theme "grew noticeably" (both this and the ratio).</summary>
    [Range(1, 10_000)]
    public int CommentMinNewItems { get; set; } = 3;

    /// <summary>Growth relative to the count at the last comment (0.25 = a quarter more).</summary>
    [Range(0.0, 100.0)]
    public double CommentMinGrowth { get; set; } = 0.25;

    /// <summary>
    /// Evidence links one run attaches across all tickets (<see cref="EvidenceBudget"/>); the rest wait for the next runs.
    /// 20,000 links are about 1,600 Linear requests with their lookups, under the 2,500 an hour Linear allows a key.
    /// </summary>
    [Range(EvidenceBudget.Floor, 10_000_000)]
    public int MaxEvidencePerRun { get; set; } = 20_000;

    /// <summary>Quotes in a ticket's description.</summary>
    [Range(1, 10)]
    public int Quotes { get; set; } = 5;
}
