namespace TriageBot.Domain;

/// <summary>
/// A group of feedback items about one problem, across sources. <see cref="Id"/> is stable from
/// run to run: new items join an existing theme, and a theme keeps its id while it lives.
/// </summary>
public sealed record Theme
{
    public required string Id { get; init; }
    public required IReadOnlyList<string> ItemIds { get; init; }

    /// <summary>Mean of the items' normalised feature vectors; how new items are matched to the theme.</summary>
    public float[] Centroid { get; init; } = [];

    public DateTimeOffset FirstSeen { get; init; }
    public DateTimeOffset LastChanged { get; init; }

    /// <summary>Set by a person (<c>themes pin</c>): the clusterer never merges or splits it.</summary>
    public bool Pinned { get; init; }
}

public enum ThemeTrend { New, Rising, Steady, Falling }

/// <summary>Something the clusterer did to a theme that a person may want to understand later.</summary>
public sealed record ThemeEvent(string Kind, string ThemeId, string? OtherThemeId, string Reason, DateTimeOffset At);

/// <summary>The clusterer's answer for one run: every item it was given is in exactly one theme or in noise.</summary>
public sealed record ClusteringResult(
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<string> Noise,
    IReadOnlyList<ThemeEvent> Events)
{
    /// <summary>
    /// For noise items near enough to a theme to belong to it if a person says so (an item already
    /// attached to a ticket by hand), that theme and the similarity.
    /// </summary>
    public IReadOnlyDictionary<string, NearestTheme> NoiseNearest { get; init; } = new Dictionary<string, NearestTheme>();

    /// <summary>The run's merges, with the items on each side: what a person (or the clustering bench) reads to judge each one.</summary>
    public IReadOnlyList<ThemeMerge> Merges { get; init; } = [];

    /// <summary>
    /// Themes too small to stand apart from a larger theme of their kind that they read like: that theme and the
    /// similarity. Such a theme gets no new ticket of its own this run.
    /// </summary>
    public IReadOnlyDictionary<string, NearestTheme> Held { get; init; } = new Dictionary<string, NearestTheme>();

    /// <summary>
    /// Every theme a person merged into another (<c>themes merge</c>, on this run or an earlier one): the absorbed theme's
    /// id and the id of the live theme that holds its reports now. Their tickets are the ones marked duplicates.
    /// </summary>
    public IReadOnlyDictionary<string, string> MergedByPerson { get; init; } = new Dictionary<string, string>();
}

/// <summary>Two themes of a run merged by <paramref name="Rule"/> at centroid similarity <paramref name="Similarity"/>.</summary>
public sealed record ThemeMerge(MergeRule Rule, double Similarity, IReadOnlyList<string> KeptItems, IReadOnlyList<string> JoinedItems);

/// <summary>Why two themes were merged: the evidence beside their centroids' similarity.</summary>
public enum MergeRule
{
    /// <summary>Centroids alike enough on their own.</summary>
    Centroids,
    /// <summary>Fairly near, one a fragment, both of one kind (problems, requests or small fixes).</summary>
    SameKind,
    /// <summary>Fairly near, one a fragment, naming the same distinctive terms.</summary>
    SharedTerms,
    /// <summary>Their GitHub issues carry the same area labels, two labelled issues a side.</summary>
    Labels,
    /// <summary>Their GitHub issues carry area labels that no other theme of the run carries.</summary>
    AreaLabelsOfTheirOwn,
}

public sealed record NearestTheme(string ThemeId, double Similarity);
