using System.ComponentModel.DataAnnotations;

namespace TriageBot.Clustering;

public enum FeatureKind { Embeddings, Lexical, Both }

/// <summary>Section <c>Clustering</c>.</summary>
public sealed class ClusteringOptions
{
    public FeatureKind Features { get; set; } = FeatureKind.Both;

    public EmbeddingOptions Embeddings { get; set; } = new();

    /// <summary>Centre each source's vectors on that source's own mean (removes the register: post, chat, issue).</summary>
    public bool CentrePerSource { get; set; } = true;

    /// <summary>Average cosine similarity at or above which two groups of items are one theme.</summary>
    [Range(0.0, 1.0)]
    public double MergeSimilarity { get; set; } = 0.25;

    /// <summary>Centroid similarity at which groups found by linkage are fragments of one theme and are joined.</summary>
    [Range(0.0, 1.0)]
    public double FragmentSimilarity { get; set; } = 0.45;

    /// <summary>Cosine similarity to a theme's centroid at or above which a new item joins that existing theme.</summary>
    [Range(0.0, 1.0)]
    public double JoinSimilarity { get; set; } = 0.45;

    /// <summary>
    /// Members of an earlier run's theme less than this alike its centroid are placed again with the run's new items
    /// (0: an earlier run's members stay where they are). Day by day, a problem's first report or two settle in the
    /// nearest theme before there are enough of them to stand apart; kept there, they pulled the problem's later reports
    /// in after them. Over 20 generated scenarios clustered one day at a time, recall went from 0.843 to 0.926 and purity
    /// from 0.841 to 0.937 at 0.6, about what one run over all the days gives (docs/benchmarks.md, "Session 21: day by day").
    /// </summary>
    [Range(0.0, 1.0)]
    public double ReleaseSimilarity { get; set; } = 0.6;

    /// <summary>Similarity to a theme's centroid at which an item the model reads poorly (another language) joins it; such items never start a theme.</summary>
    [Range(0.0, 1.0)]
    public double ForeignJoinSimilarity { get; set; } = 0.12;

    /// <summary>
    /// Similarity to a theme's centroid at which a free item of the run settles in that theme once the run's themes are
    /// known (<see cref="ThemeSettling"/>). Lower than <see cref="JoinSimilarity"/>: here every theme competes for the item.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SettleSimilarity { get; set; } = 0.25;

    /// <summary>How much nearer the theme an item settles in must be than the next one.</summary>
    [Range(0.0, 1.0)]
    public double SettleMargin { get; set; } = 0.02;

    /// <summary>Similarity at which an item the actionability check turned down (terse, sarcastic, chatty) still settles in a theme.</summary>
    [Range(0.0, 1.0)]
    public double TurnedDownJoinSimilarity { get; set; } = 0.4;

    /// <summary>At most this many settling rounds (each moves items, then centroids); it usually stops after a few.</summary>
    [Range(0, 100)]
    public int SettleRounds { get; set; } = 10;

    /// <summary>
    /// Similarity to its nearest theme at which a noise item that a person already attached to a ticket joins that
    /// theme: a person's filing outweighs the model's doubt, but not any distance.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double AnchorJoinSimilarity { get; set; } = 0.1;

    /// <summary>Two unpinned existing themes whose centroids are at least this similar are merged (recorded as an event).</summary>
    [Range(0.0, 1.0)]
    public double AutoMergeSimilarity { get; set; } = 0.8;

    /// <summary>
    /// Centroid similarity at which two themes that share <see cref="TermMergeSharedTerms"/> distinctive terms are merged,
    /// when the smaller is a fragment for the run (<see cref="KindMergeFragmentShare"/>): two themes of a typical size that
    /// share an area's terms ("bank feed") are mostly two problems in it.
    /// </summary>
    [Range(0.0, 1.0)]
    public double TermMergeSimilarity { get; set; } = 0.35;

    /// <summary>
    /// Centroid similarity at which two themes of the same kind are merged: both read as functional problems, both as
    /// requests, or both as small fixes (copy, a link, an off-by-one). Fragments of one problem told in other words
    /// sit at about this similarity; the small-fix sibling of a problem in the same area (its error message's wording,
    /// its docs link) and a feature request about the same screen share the words but are other tickets, so a
    /// difference in kind keeps two themes apart here.
    /// </summary>
    [Range(0.0, 1.0)]
    public double KindMergeSimilarity { get; set; } = 0.33;

    /// <summary>
    /// <see cref="KindMergeSimilarity"/> for a theme of no more than <see cref="MinThemeSize"/> items: three reports
    /// are weak evidence of a problem of their own.
    /// </summary>
    [Range(0.0, 1.0)]
    public double FragmentKindMergeSimilarity { get; set; } = 0.3;

    /// <summary>
    /// The same-kind and shared-term merges join two themes only when the smaller holds at most this share of the reports of the theme the
    /// run's median report is in (and never fewer than <see cref="MinThemeSize"/> + 1): two near themes both of a typical
    /// size, both functional problems, are mostly two problems in one area ("cache restore misses" and "cache upload times
    /// out"), not one problem split.
    /// </summary>
    [Range(0.0, 1000.0)]
    public double KindMergeFragmentShare { get; set; } = 0.5;

    /// <summary>
    /// Centroid similarity at which two themes whose GitHub issues carry the same area labels
    /// (<see cref="LabelMergeAgreement"/>) are merged: a maintainer's label is evidence about the problem that the
    /// words of its reports are not. 0 turns the rule off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LabelMergeSimilarity { get; set; } = 0.25;

    /// <summary>How alike two themes' labels must be (<see cref="LabelAgreement"/>, 0–1) to merge at <see cref="LabelMergeSimilarity"/>.</summary>
    [Range(0.0, 1.0)]
    public double LabelMergeAgreement { get; set; } = 0.9;

    /// <summary>How many labelled issues each theme needs for its labels to count: one issue's labels are one person's call.</summary>
    [Range(1, 1000)]
    public int LabelMergeMinIssues { get; set; } = 2;

    /// <summary>
    /// How many labelled issues each theme needs for the label merge when no third theme of the run carries the area
    /// labels the two share ("api" on the issues of "429 aborts the task" and of "rate limits too low" alone). Then the
    /// labels mark one problem of the maintainers' own, and one issue a side is enough (for a theme beyond the run's
    /// fragment size, see <see cref="LabelMergeSoleAreaFragmentsOnly"/>). 0: off. Over 67 generated scenarios 37 of the 46 merges
    /// it made joined pieces of one problem; all 9 others joined the same two themes of one bank (ledgerly's duplicate
    /// transactions and stale bank feed, both `bug, bank-feeds`) (`ClusteringBench scenario --merges`, docs/benchmarks.md,
    /// session 10).
    /// </summary>
    [Range(0, 1000)]
    public int LabelMergeSoleAreaMinIssues { get; set; } = 1;

    /// <summary>
    /// Whether the sole-area label merge (<see cref="LabelMergeSoleAreaMinIssues"/>) joins two themes both larger than a
    /// fragment for the run (the size the run's first merge pass allows, not the later passes' smaller one) only at
    /// <see cref="LabelMergeAnySizeSimilarity"/>. An area of a product often has two problems and nothing else in the run:
    /// a streak lost to a time zone beside a freeze not used, SLA timers in business hours beside pending tickets not
    /// pausing. Over 281 generated scenarios of 28 products the rule joined pieces of one problem 94 times and two problems
    /// 69 times at any size; asking this, 73 and 14 (`ClusteringBench scenario --merges`, docs/benchmarks.md, session 38).
    /// </summary>
    public bool LabelMergeSoleAreaFragmentsOnly { get; set; } = true;

    /// <summary>
    /// Whether a labelled GitHub issue that no theme took joins the one theme whose issues carry its area labels
    /// (agreement <see cref="LabelMergeAgreement"/>, that theme with <see cref="LabelMergeMinIssues"/> labelled issues,
    /// no other theme as alike), however far its words: a report in a language the model cannot read still carries
    /// its maintainer's labels.
    /// </summary>
    public bool JoinLabelledIssues { get; set; } = true;

    /// <summary>
    /// Below this label agreement (<see cref="LabelAgreement"/>, one labelled issue a side is enough) the same-kind and
    /// shared-term merges do not join two themes: issues filed under different areas are two problems. 0 turns it off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LabelVetoAgreement { get; set; } = 0.5;

    /// <summary>Whether the label merge, like the same-kind and shared-term merges, only joins a fragment for the run.</summary>
    public bool LabelMergeFragmentsOnly { get; set; } = true;

    /// <summary>
    /// Centroid similarity at which the label merge joins two themes whatever their sizes (<see cref="LabelMergeFragmentsOnly"/>
    /// does not apply): at volume one problem told in two ways makes two themes, each of a typical size, and their
    /// centroids sit about this near. 0 turns it off.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LabelMergeAnySizeSimilarity { get; set; } = 0.45;

    /// <summary>How many of each theme's top distinctive terms (TF-IDF over the run) two themes must share to merge at <see cref="TermMergeSimilarity"/>.</summary>
    [Range(1, 100)]
    public int TermMergeSharedTerms { get; set; } = 2;

    /// <summary>How many distinctive terms per theme are compared.</summary>
    [Range(1, 100)]
    public int TermMergeTopTerms { get; set; } = 8;

    /// <summary>
    /// Linkage cut for a second grouping of the reports no theme took (0: none). One problem told in many different
    /// words ("a Xero export", "DATEV please", "QuickBooks sync?") has no pair alike enough for <see cref="MergeSimilarity"/>;
    /// once the run's themes hold their reports, what is left is sparse enough to cut looser.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LeftoverSimilarity { get; set; } = 0.15;

    /// <summary>Smallest theme the second grouping may make: a looser cut needs more reports to trust.</summary>
    [Range(1, 1000)]
    public int LeftoverMinThemeSize { get; set; } = 4;

    /// <summary>
    /// A leftover group whose centroid is at least this near an existing theme is that theme's outskirts, not a problem
    /// of its own: it is left to settling.
    /// </summary>
    [Range(0.0, 1.0)]
    public double LeftoverThemeDistance { get; set; } = 0.25;

    /// <summary>
    /// A small fix told beside a larger problem of its area is split off that theme only when the two groups' centroids
    /// are less alike than this (<see cref="SmallFixSplitting"/>); 0 turns the split off. A group nearer the rest is
    /// reports of the same problem that happen to carry a cue ("shows 'Connected' while nothing syncs"): over 8 generated
    /// products the first version's right splits were at 0.37–0.53, five of its seven wrong ones at 0.58–0.75
    /// (docs/benchmarks.md, "Session 16").
    /// </summary>
    [Range(0.0, 1.0)]
    public double SmallFixSplitSimilarity { get; set; } = 0.55;

    /// <summary>
    /// The smallest share of a theme's reports a group split off as a small fix may hold (<see cref="SmallFixSplitting"/>).
    /// A small fix that linkage put in a problem's theme brings all its reports, a fair share of the theme; a few
    /// cue-carrying reports of a large theme ("3 items read as a small fix and the other 84 do not") are the problem's own.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SmallFixSplitMinShare { get; set; } = 0.1;

    /// <summary>
    /// A theme of no more than <see cref="MinThemeSize"/> reports whose centroid is more than this alike a larger theme
    /// gets no ticket of its own yet (<see cref="HeldFragments"/>); 0 files every theme. Three reports hold half of a
    /// problem only when the problem has six or fewer, so a ticket for them near a larger theme is most often a
    /// duplicate: over 184 generated scenarios of 16 products, 0.22 left recall unchanged on every product and 0.15 lost
    /// themes on two (docs/benchmarks.md, "Session 25").
    /// </summary>
    [Range(0.0, 1.0)]
    public double HoldFragmentSimilarity { get; set; } = 0.22;

    /// <summary>Groups smaller than this are noise rather than themes (a lone item is far from every theme).</summary>
    [Range(1, 1000)]
    public int MinThemeSize { get; set; } = 3;

    /// <summary>Actionability margin: how much nearer an item must be to generic problem reports than to chit-chat.</summary>
    [Range(-1.0, 1.0)]
    public double ActionabilityMargin { get; set; } = -0.12;

    /// <summary>Added to <see cref="ActionabilityMargin"/> for a new theme's mean embedding, checked when the theme is made and again after settling.</summary>
    [Range(-1.0, 1.0)]
    public double GroupActionabilityMargin { get; set; } = 0;

    /// <summary>
    /// A new theme from several channels also reads as a problem when at least this share of its English reports name one
    /// in words (<c>Cues.NamesAProblem</c>: "bug", "broken", "can't", "please add"), whatever its mean embedding says;
    /// 0 turns this off.
    /// The embedding check compares a group with generic sentences, and a product's own words can sit near a chatter one
    /// ("family invite links are dead" near "add me to the calendar invite"). 0.4, not a majority: reports that describe
    /// a wrong outcome ("due 11:59 pm, closes at 10:59 pm") name no problem word, and at 0.4 four more themes of 149
    /// generated scenarios are found while none is lost (docs/benchmarks.md, session 14).
    /// </summary>
    [Range(0.0, 1.0)]
    public double GroupReportCueShare { get; set; } = 0.4;

    /// <summary>
    /// A new theme this share or more of whose reports come from one source (Slack, GitHub or X), in a run where that
    /// source has less than this share of all items, is held to a higher actionability bar
    /// (<see cref="SingleSourceActionabilityMargin"/>): one problem reaches a team through several channels, while
    /// office chatter stays on Slack, praise and hot takes on X, and template spam on GitHub.
    /// </summary>
    [Range(0.0, 1.0)]
    public double SingleSourceShare { get; set; } = 0.8;

    /// <summary>
    /// Added to the group bar (<see cref="ActionabilityMargin"/> + <see cref="GroupActionabilityMargin"/>) for a new theme
    /// from (nearly) one source: such a theme must read as a problem, not merely as not-chatter.
    /// </summary>
    [Range(-1.0, 1.0)]
    public double SingleSourceActionabilityMargin { get; set; } = 0.2;

    /// <summary>Weight of embeddings against lexical features when <see cref="Features"/> is Both.</summary>
    [Range(0.0, 1.0)]
    public double EmbeddingWeight { get; set; } = 0.5;

    /// <summary>Lexical n-grams used by fewer texts than this are dropped (scikit-learn's min_df).</summary>
    [Range(1, 100)]
    public int LexicalMinCount { get; set; } = 1;

    /// <summary>
    /// How many LSA projections, each from its own seed, the lexical features of a run of up to
    /// <see cref="ThemeFeaturizer.JoinedProjectionsMaxTexts"/> texts join (<see cref="LexicalFeaturizer.Projections"/>).
    /// ML.NET's PCA is randomized: one projection moves with its seed, and so do the themes cut from it. Joined, two
    /// texts' lexical similarity is the mean over the projections, and steadier. A larger run makes one.
    /// Three found more themes, purer, on eight new products at every seed measured, but lost a theme of the shared dev
    /// scenario through the pipeline (docs/benchmarks.md, "Session 15"), so one stays the default until that is understood.
    /// </summary>
    [Range(1, 10)]
    public int LexicalProjections { get; set; } = 1;

    /// <summary>Above this many items, ML.NET k-means first makes micro-clusters that agglomerative merging then joins.</summary>
    [Range(100, 20000)]
    public int MaxDirectItems { get; set; } = 3000;

    /// <summary>Seed for k-means and PCA, so runs repeat.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Split, merge and pin choices made by people; the store's (CLI) choices are added to these.</summary>
    public List<ThemeOverride> Overrides { get; set; } = [];

    /// <summary>Where <c>themes split|merge|pin</c> keeps its choices (JSON); empty keeps them in memory only.</summary>
    public string OverridesFile { get; set; } = "";
}

/// <summary>Section <c>Clustering:Embeddings</c>: the local model by default, or a remote generator.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>"MiniLm" (local, default), "OpenAI" (any OpenAI-compatible endpoint) or "Ollama".</summary>
    public string Provider { get; set; } = "MiniLm";
    public string? Endpoint { get; set; }
    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>Tokens read per item by the local model: the title and opening of long issues and logs.</summary>
    [Range(16, 512)]
    public int MaxTokens { get; set; } = 128;

    /// <summary>
    /// Removes the local model's language direction before clustering (<see cref="Embeddings.NuisanceProjection"/>):
    /// all-MiniLM-L6-v2 reads English, and places a Spanish or German report of a problem nearer other non-English
    /// text than the English reports of the same problem. Only for the local model; a remote one has its own space.
    /// </summary>
    public bool RemoveLanguageDirection { get; set; } = true;

    /// <summary>Items embedded per store write, so a long first run keeps what it did if interrupted.</summary>
    [Range(1, 100000)]
    public int ChunkSize { get; set; } = 512;
}
