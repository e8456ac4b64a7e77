using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Agent.Text;

/// <summary>A sentence from one item, scored by how typical it is of the whole theme, and whether it reads as English.</summary>
public sealed record ScoredSentence(string Text, FeedbackItem Item, double Score, bool English);

/// <summary>
/// The text side of one theme: TF-IDF over its items, its most representative sentences and key
/// phrases. Shared by the offline agent (titles, summaries) and the ticket writer (quotes).
/// </summary>
public sealed class ThemeText
{
    private readonly Dictionary<string, Dictionary<string, int>> _surfaces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _english = new(StringComparer.Ordinal);
    private bool? _mostlyEnglish;

    public IReadOnlyList<FeedbackItem> Items { get; }
    public TermVectors Vectors { get; }

    private readonly HashSet<FeedbackReply> _templates;

    public ThemeText(IReadOnlyList<FeedbackItem> items)
    {
        Items = items;
        _templates = TemplatedReplies(items);
        var docs = items.Select(i => (IReadOnlyList<string>)WithBigrams(TextTokens.Tokenize(FeedbackText.Prose(FeedbackText.ReportersWords(i, IsOwn)), _surfaces))).ToList();
        Vectors = new TermVectors(docs);
    }

    /// <summary>
    /// Replies that say the same words under two or more of the theme's reports: a maintainer's macro ("Labelling for
    /// triage. Does it also happen in a private window?"), a bot's notice. They are the team's words, not the users', and
    /// repeated they would read as the theme's recurring terms and be quoted as its most typical sentence.
    /// </summary>
    private static HashSet<FeedbackReply> TemplatedReplies(IReadOnlyList<FeedbackItem> items)
    {
        var byWords = items
            .SelectMany(item => item.Replies.Select(reply => (Item: item.Id, Reply: reply,
                Words: string.Join(' ', reply.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant())))
            .Where(x => x.Words.Length > 0)
            .GroupBy(x => x.Words, StringComparer.Ordinal);
        return byWords.Where(g => g.Select(x => x.Item).Distinct(StringComparer.Ordinal).Skip(1).Any())
            .SelectMany(g => g.Select(x => x.Reply)).ToHashSet();
    }

    /// <summary>Not one of the theme's templated replies.</summary>
    private bool IsOwn(FeedbackReply reply) => !_templates.Contains(reply);

    private static List<string> WithBigrams(List<string> unigrams)
    {
        var terms = new List<string>(unigrams);
        for (var i = 0; i + 1 < unigrams.Count; i++) terms.Add(unigrams[i] + "_" + unigrams[i + 1]);
        return terms;
    }

    /// <summary>How close a piece of text is to the theme's centroid.</summary>
    public double Typicality(string text) =>
        TermVectors.Cosine(Vectors.Vectorize(WithBigrams(TextTokens.Tokenize(FeedbackText.Prose(text)))), Vectors.Centroid);

    /// <summary>
    /// Whether the item is in English: the language its source declares (X does), else the words of its title and body.
    /// Replies are left out: a maintainer's English answer under a Portuguese issue does not make the report English.
    /// The digest and the tickets are read in English, as the cues and the embedding model read feedback.
    /// </summary>
    public bool ReadsEnglish(FeedbackItem item)
    {
        if (_english.TryGetValue(item.Id, out var english)) return english;
        english = item.Language is null or "" or "und"
            ? EnglishText.Reads(item.Title.Length > 0 ? item.Title + "\n" + item.Body : item.Body)
            : item.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        _english[item.Id] = english;
        return english;
    }

    /// <summary>
    /// Whether at least half the theme's reports are in English. A theme mostly of another language is best told in its
    /// own words: preferring English there titled a Portuguese payout problem with a support agent's reply.
    /// </summary>
    public bool MostlyEnglish => _mostlyEnglish ??= Items.Count(ReadsEnglish) * 2 >= Items.Count;

    /// <summary>
    /// The most representative readable sentences, at most one per item, near-duplicates dropped; in a theme mostly in
    /// English, English ones first, so that a summary or a ticket quotes another language only when too few reports in
    /// English say it.
    /// </summary>
    public List<ScoredSentence> RepresentativeSentences(int count, int minLength = 25, int maxLength = 260)
    {
        var candidates = new List<ScoredSentence>();
        foreach (var item in Items)
        {
            var texts = FeedbackText.Sentences(FeedbackText.BeforeBotAddress(item.Body))
                .Concat(item.Replies.Where(IsOwn).SelectMany(r => FeedbackText.Sentences(FeedbackText.BeforeBotAddress(r.Text))));
            foreach (var sentence in texts)
            {
                if (sentence.Length < minLength || sentence.Length > maxLength) continue;
                if (TextTokens.Tokenize(sentence).Count < 4) continue;
                candidates.Add(new ScoredSentence(sentence, item, Typicality(sentence), ReadsEnglish(item) && EnglishText.ReadsShown(sentence)));
            }
        }
        var picked = new List<ScoredSentence>();
        var pickedVectors = new List<Dictionary<string, double>>();
        foreach (var c in candidates.OrderByDescending(c => c.English && MostlyEnglish).ThenByDescending(c => c.Score).ThenBy(c => c.Item.Id, StringComparer.Ordinal))
        {
            if (picked.Count >= count) break;
            if (picked.Any(p => p.Item.Id == c.Item.Id)) continue;
            var v = Vectors.Vectorize(TextTokens.Tokenize(c.Text));
            if (pickedVectors.Any(p => TermVectors.Cosine(p, v) > 0.6)) continue;
            picked.Add(c);
            pickedVectors.Add(v);
        }
        return picked;
    }

    /// <summary>Phrases most of the theme's items share, in their most common written form.</summary>
    public List<string> KeyPhrases(int count)
    {
        var n = Math.Max(1, Items.Count);
        var minDf = n >= 4 ? 2 : 1;
        var ranked = Vectors.DocumentFrequency
            .Where(kv => kv.Value >= minDf && !kv.Key.Split('_').Any(part => part.All(char.IsDigit)))
            .Select(kv => (Term: kv.Key, Weight: (double)kv.Value / n * (kv.Key.Contains('_') ? 1.6 : 1.0)))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Term, StringComparer.Ordinal)
            .ToList();
        var result = new List<string>();
        foreach (var (term, _) in ranked)
        {
            if (result.Count >= count) break;
            var parts = term.Split('_');
            if (parts.Length == 2 && parts[0] == parts[1]) continue;
            var phrase = string.Join(' ', parts.Select(Surface));
            // A unigram already inside a chosen phrase (or the reverse) says nothing new.
            if (result.Any(r => r.Contains(phrase, StringComparison.Ordinal) || phrase.Contains(r, StringComparison.Ordinal))) continue;
            result.Add(phrase);
        }
        return result;
    }

    private string Surface(string stem) =>
        _surfaces.TryGetValue(stem, out var forms) ? forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Length).First().Key : stem;

    /// <summary>Counts by source name ("slack", "github", "x"), for summaries and ticket descriptions.</summary>
    public static IReadOnlyDictionary<string, int> CountBySource(IEnumerable<FeedbackItem> items) =>
        items.GroupBy(i => i.Source.Name()).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    public static string SourceLabel(FeedbackSource source, int count) => source switch
    {
        FeedbackSource.Slack => count == 1 ? "Slack thread" : "Slack threads",
        FeedbackSource.GitHub => count == 1 ? "GitHub issue" : "GitHub issues",
        _ => count == 1 ? "X post" : "X posts",
    };
}
