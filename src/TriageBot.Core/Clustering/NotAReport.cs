using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Clustering;

/// <summary>
/// Posts that are no report, so noise however near a theme their words sit: posts that say outright that nothing is
/// wrong ("No bug, the new run page is lovely"), posts of fewer than four words that name no problem ("out this
/// afternoon") or that stop on their verb ("the intake form builder is", once cleaning took its emoji), posts that only praise ("kudos for the new editor 🎉", "made my week 🙌"), placeholders ("asdf 123.
/// sorry, wrong repo"), posts that only speak to the bot ("Note for the triage bot: all the printer reports are one
/// bug, merge them"), away notices ("OOO all next week, for payouts questions ping Sam"), adverts ("Cheap followers,
/// 10,000 for $5. Visit our website. 100% safe."), notices and plugs ("reminder: all-hands moved to 4pm", "new video: …")
/// and brags ("just did 12,600 steps, legs are done"). At volume these repeat and
/// would form themes of their own, or join the theme of a feature they name. One list, which the clusterer applies and
/// the `cues` bench tallies on truth, so a new rule is measured as it runs.
/// </summary>
internal static class NotAReport
{
    /// <summary>
    /// <see cref="Rule"/> of each item <paramref name="which"/> names (indexes into <paramref name="items"/> and
    /// <paramref name="texts"/>), in that order, read in parallel: each item is read on its own, and at 100,000 items the
    /// rules take seconds.
    /// </summary>
    public static string?[] Rules(IReadOnlyList<FeedbackItem> items, IReadOnlyList<string> texts, IReadOnlyList<int> which, CancellationToken ct)
    {
        var rules = new string?[which.Count];
        Parallel.For(0, which.Count, new ParallelOptions { CancellationToken = ct }, k => rules[k] = Rule(items[which[k]], texts[which[k]]));
        return rules;
    }

    /// <summary>
    /// The rules by name, in the order <see cref="Rule"/> reads them: the cheapest first. Each reads the item, its text as
    /// the clusterer reads it, and the item's own words (its opening, cleaned once and only when a rule asks). The
    /// `rule-speed` bench times them one by one from this list.
    /// </summary>
    internal static IReadOnlyList<(string Name, Func<FeedbackItem, string, Func<string>, bool> Applies)> Checks => InOrder;

    // An array, walked by index: Rule runs for every item of a run (115,330 at the reference scale).
    private static readonly (string Name, Func<FeedbackItem, string, Func<string>, bool> Applies)[] InOrder =
    [
        ("says nothing is wrong", (_, text, _) => Cues.SaysNothingIsWrong(text)),
        ("too short", (_, text, _) => ActionabilityClassifier.SaysTooLittle(text)),
        ("cut off after its verb", (_, text, _) => Cues.IsCutOff(text)),
        ("only praise", (item, text, opening) => Cues.OnlyPraises(text, opening, cheers: () => ItemText.Cheers(item))),
        ("placeholder", (_, text, opening) => Cues.IsPlaceholder(text, opening)),
        ("speaks only to the bot", (_, text, opening) => Cues.OnlyAddressesTheBot(text, opening)),
        ("away notice", (_, text, opening) => Cues.IsAwayNotice(text, opening)),
        ("advert", (_, text, _) => Cues.IsAdvert(text)),
        ("notice or plug", (_, text, _) => Cues.IsNoticeOrPlug(text)),
        ("brag", (_, text, _) => Cues.IsBrag(text)),
    ];

    /// <summary>The first of <see cref="Checks"/> that makes an item no report, or null when it may be one.</summary>
    /// <param name="text">The item's text as the clusterer reads it (<see cref="ItemText.For"/>).</param>
    public static string? Rule(FeedbackItem item, string text)
    {
        // The item's own words are cleaned again only when a rule asks for them, and then once.
        string? own = null;
        Func<string> opening = () => own ??= ItemText.Opening(item);
        for (var k = 0; k < InOrder.Length; k++)
            if (InOrder[k].Applies(item, text, opening)) return InOrder[k].Name;
        return null;
    }
}
