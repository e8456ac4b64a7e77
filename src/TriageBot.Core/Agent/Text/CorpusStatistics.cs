using TriageBot.Domain;
using TriageBot.Storage;

namespace TriageBot.Agent.Text;

/// <summary>
/// How common each term is across all feedback, so words every report uses (the product's own name,
/// its core nouns) do not tie a theme to a goal. Terms as <see cref="TextTokens.TermsWithBigrams"/> makes them.
/// </summary>
public sealed class CorpusStatistics
{
    private readonly Dictionary<string, int> _df = new(StringComparer.Ordinal);

    public int Documents { get; }

    public CorpusStatistics(IEnumerable<FeedbackItem> items)
    {
        foreach (var item in items)
        {
            Documents++;
            foreach (var term in TermsOf(item)) _df[term] = _df.GetValueOrDefault(term) + 1;
        }
    }

    public static HashSet<string> TermsOf(FeedbackItem item) =>
        new(TextTokens.TermsWithBigrams(FeedbackText.Prose(item.FullText)), StringComparer.Ordinal);

    /// <summary>Share of all feedback that uses <paramref name="term"/>.</summary>
    public double Share(string term) => Documents == 0 ? 0 : (double)_df.GetValueOrDefault(term) / Documents;
}

/// <summary>Supplies corpus statistics to the offline agent; null when there is no corpus to speak of.</summary>
public interface ICorpusStatisticsSource
{
    Task<CorpusStatistics?> GetAsync(CancellationToken ct);
}

/// <summary>Statistics over every stored item, rebuilt only when the number of items changes.</summary>
public sealed class ItemStoreCorpusStatistics(IItemStore items) : ICorpusStatisticsSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (int Count, CorpusStatistics Stats)? _cached;

    public async Task<CorpusStatistics?> GetAsync(CancellationToken ct)
    {
        var count = await items.CountAsync(ct);
        if (count < 20) return null; // too little feedback to say what is common
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } c && c.Count == count) return c.Stats;
            var stats = new CorpusStatistics(await items.GetAllAsync(ct));
            _cached = (count, stats);
            return stats;
        }
        finally
        {
            _gate.Release();
        }
    }
}
