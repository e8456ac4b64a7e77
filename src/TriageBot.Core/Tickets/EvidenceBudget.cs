namespace TriageBot.Tickets;

/// <summary>
/// How many evidence links one run attaches, across all its tickets (<see cref="TicketOptions.MaxEvidencePerRun"/>).
/// Linear allows an API key about 2,500 requests an hour, and a first run over a large backlog wanted 7,580 (a lookup and
/// an attachment per report, 25 to a request), so it would have stopped at the quota with later themes not filed. Within
/// the budget every theme still gets its ticket; what a theme may attach is shared out so that small themes attach all
/// of theirs and large ones split the rest evenly; the links left over are attached by the next runs, because a ticket's
/// stored mapping holds only what was attached.
/// </summary>
internal sealed class EvidenceBudget
{
    private readonly Dictionary<string, int> _allowance;

    private EvidenceBudget(Dictionary<string, int> allowance, int wanted, int granted)
    {
        _allowance = allowance;
        Wanted = wanted;
        Granted = granted;
    }

    /// <summary>No budget: every link is attached (a run that was not prepared, such as <c>tickets approve</c>).</summary>
    public static EvidenceBudget Unlimited { get; } = new([], 0, 0);

    /// <summary>Links the themes wanted to attach this run, and how many of them the budget grants.</summary>
    public int Wanted { get; }

    public int Granted { get; }

    /// <summary>
    /// Every theme attaches at least this many, budget or not: a new theme's first links are also what it is looked up
    /// by, so it is never filed without checking for a ticket that already links its reports (in one request: Linear
    /// takes 25 to a request).
    /// </summary>
    public const int Floor = 10;

    /// <summary>
    /// Shares <paramref name="total"/> links among the themes by need (<paramref name="wanted"/>: theme to links it has
    /// not attached yet): each gets its first <see cref="Floor"/>, then the themes are served smallest first, each taking
    /// at most an even share of what is left.
    /// </summary>
    public static EvidenceBudget Share(int total, IReadOnlyDictionary<string, int> wanted)
    {
        var allowance = wanted.ToDictionary(w => w.Key, w => Math.Min(w.Value, Floor), StringComparer.Ordinal);
        var left = Math.Max(0, total - allowance.Values.Sum());
        var themes = wanted.OrderBy(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < themes.Count; i++)
        {
            var (theme, need) = themes[i];
            var more = Math.Min(need - allowance[theme], left / (themes.Count - i));
            allowance[theme] += more;
            left -= more;
        }
        return new EvidenceBudget(allowance, wanted.Values.Sum(), allowance.Values.Sum());
    }

    /// <summary>The links of <paramref name="themeId"/> to attach this run, in their order; a theme not shared out takes all.</summary>
    public IReadOnlyList<EvidenceLink> Take(string themeId, IReadOnlyList<EvidenceLink> links) =>
        _allowance.TryGetValue(themeId, out var allowed) && allowed < links.Count ? links.Take(allowed).ToList() : links;
}
