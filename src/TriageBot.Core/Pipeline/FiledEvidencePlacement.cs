using System.Globalization;
using Microsoft.Extensions.Logging;
using TriageBot.Domain;
using TriageBot.Tickets;

namespace TriageBot.Pipeline;

/// <summary>
/// Puts back into a theme the noise items a person has already filed: an item attached to an open ticket
/// is actionable by a person's judgement, whatever the actionability check or the distances said. It joins
/// the theme it is nearest to (when that is near at all, see <see cref="ClusteringResult.NoiseNearest"/>), so
/// the theme's evidence leads the ticket writer to that ticket and it is reused rather than duplicated.
/// Only noise new in this run is looked up (at most <see cref="MaxLookups"/>), so a quiet day costs no call, and not
/// the evidence TriageBot attached itself: that was the clusterer's own earlier reading, which a later run may revise
/// (a theme of office notices read again and dissolved must not scatter its reports into its neighbours).
/// </summary>
internal static class FiledEvidencePlacement
{
    /// <summary>Noise items looked up per run at most (25 per Linear request).</summary>
    public const int MaxLookups = 1000;

    public static async Task<ClusteringResult> PlaceAsync(
        ClusteringResult result, IReadOnlyList<FeedbackItem> all, IReadOnlyCollection<string> previousNoise, IReadOnlySet<string> ownEvidenceUrls,
        ITicketWriter writer, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        var known = previousNoise.ToHashSet(StringComparer.Ordinal);
        var byId = all.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var candidates = result.Noise
            .Where(id => !known.Contains(id) && result.NoiseNearest.ContainsKey(id) && byId.TryGetValue(id, out var item) && item.Url.Length > 0
                && !ownEvidenceUrls.Contains(item.Url))
            // A first run over a large backlog can leave thousands of items in noise; the nearest are the likeliest
            // to have been filed, and the cap keeps the lookups to a few dozen batched requests.
            .OrderByDescending(id => result.NoiseNearest[id].Similarity)
            .Take(MaxLookups)
            .ToList();
        if (candidates.Count == 0) return result;

        IReadOnlyDictionary<string, string> ticketed;
        try
        {
            ticketed = await writer.FindTicketedAsync(candidates.Select(id => byId[id].Url).ToList(), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a missed reuse: filing still looks up each theme's own evidence.
            logger.LogWarning("Looking up tickets for {Count} noise items failed ({Error}); they stay noise this run", candidates.Count, ex.Message);
            return result;
        }

        var now = time.GetUtcNow();
        var moved = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var events = result.Events.ToList();
        foreach (var id in candidates)
        {
            if (!ticketed.TryGetValue(byId[id].Url, out var ticket)) continue;
            var nearest = result.NoiseNearest[id];
            (moved.TryGetValue(nearest.ThemeId, out var list) ? list : moved[nearest.ThemeId] = []).Add(id);
            events.Add(new ThemeEvent("joined", nearest.ThemeId, null, string.Create(CultureInfo.InvariantCulture,
                $"{id} is evidence on {ticket}, filed by a person; nearest theme (similarity {nearest.Similarity:0.000})"), now));
        }
        if (moved.Count == 0) return result;
        logger.LogInformation("{Count} noise items already filed on tickets joined their nearest themes", moved.Values.Sum(l => l.Count));
        var placed = moved.Values.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        return result with
        {
            Themes = result.Themes.Select(t => moved.TryGetValue(t.Id, out var extra)
                ? t with { ItemIds = [.. t.ItemIds, .. extra], LastChanged = now }
                : t).ToList(),
            Noise = result.Noise.Where(id => !placed.Contains(id)).ToList(),
            Events = events,
            NoiseNearest = result.NoiseNearest.Where(kv => !placed.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
        };
    }
}
