using TriageBot.Domain;

namespace TriageBot.Clustering;

/// <summary>
/// Whether a group of a run's items reads as a problem, the check a new theme must pass when it is made and again after
/// settling. What a group says on average must read as a problem too: it can be made of items each just past the item
/// check (praise, chatter in many words), or gather every terse "thanks" of a large backlog while settling. A group of
/// small fixes reads as one: a quoted typo is a bug however jokey its tone.
/// One problem reaches a team through several channels, so a group from one channel while the run has several is more
/// likely that channel's chatter (office banter on Slack, praise on X, spam issues on GitHub) and must read more clearly
/// as a problem (<see cref="ClusteringOptions.SingleSourceActionabilityMargin"/>). A run from one channel holds every
/// group to the usual bar. A group from several channels whose reports mostly name a problem in words reads as one
/// whatever its mean embedding says (<see cref="ClusteringOptions.GroupReportCueShare"/>): the embedding is compared with
/// generic sentences, and a product's own words can sit near a chatter one ("invite links are dead on arrival" near
/// "add me to the calendar invite").
/// </summary>
internal sealed class GroupReading(
    IReadOnlyList<FeedbackItem> input, IReadOnlyList<float[]>? embeddings, ActionabilityClassifier actionability, ReportCues cues, ClusteringOptions options)
{
    private readonly Dictionary<FeedbackSource, double> _runShares =
        input.GroupBy(i => i.Source).ToDictionary(g => g.Key, g => (double)g.Count() / input.Count);

    /// <param name="members">Indexes into the run's items.</param>
    public bool ReadsAsProblem(IEnumerable<int> members)
    {
        var list = members.ToList();
        if (embeddings is null || list.Count == 0) return true;
        var bar = options.ActionabilityMargin + options.GroupActionabilityMargin;
        var oneChannel = FromOneChannelOfSeveral(list);
        if (oneChannel) bar += options.SingleSourceActionabilityMargin;
        return actionability.ScoreMean(list.Select(i => embeddings[i])) >= bar || cues.ReadAsSmallFix(list)
            || (!oneChannel && options.GroupReportCueShare > 0 && cues.MostNameAProblem(list, options.GroupReportCueShare));
    }

    private bool FromOneChannelOfSeveral(List<int> members)
    {
        var top = members.GroupBy(i => input[i].Source).MaxBy(g => g.Count())!;
        return top.Count() >= options.SingleSourceShare * members.Count && _runShares[top.Key] < options.SingleSourceShare;
    }
}
