using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Groups items into themes. Given the themes of earlier runs, it keeps their ids: items join the
/// theme they are close to, and only what matches none forms a new theme. Every item given comes
/// back exactly once, in a theme or in noise.
/// </summary>
public interface IThemeClusterer
{
    Task<ClusteringResult> ClusterAsync(IReadOnlyList<FeedbackItem> items, IReadOnlyList<Theme> existing, CancellationToken ct);
}
