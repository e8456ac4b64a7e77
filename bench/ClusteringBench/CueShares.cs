using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TriageBot.Clustering;
using TriageBot.Domain;
using TriageBot.Evaluation;
using TriageBot.Reports;
using TriageBot.Text;

/// <summary>
/// `cues FILES`: how the word cues the clusterer reads a theme's kind with (Text/Cues) fall on scenarios' truth, read
/// from each item's full text as the clusterer reads it. Per truth theme of three or more items: the share of its
/// reports with a small-fix cue and with a request cue; over all files: how many theme reports and how many truth-noise
/// items carry a small-fix cue, how many only praise (Cues.OnlyPraises, read as the clusterer reads it) and how many each
/// not-a-report rule takes, in the clusterer's order (NotAReport.Rule); and what each cue costs to read over all the files' items (twice; the second is warm), which
/// is why the clusterer reads each one only where a decision needs it. With CUES_SHOW=THEME, the small-fix matches of
/// each report of that truth theme and whether each names a problem; with CUES_COUNT=REGEX, how many reports of small-fix themes, of other themes and
/// truth-noise items the pattern (case-insensitive) finds, and how many of each carry the small-fix cue.
/// </summary>
internal static class CueShares
{
    private static bool Fire(FeedbackItem item) =>
        item.Title.Contains("🔥", StringComparison.Ordinal) || item.Body.Contains("🔥", StringComparison.Ordinal) || item.Body.Contains(":fire:", StringComparison.Ordinal);

    public static void Run(string[] files)
    {
        // Reports the not-a-report rules take are lost to noise: each one is printed, with the rule that took it.
        // Keyed by the rule's name (NotAReport.Rule), as the clusterer applies the rules: a new rule is counted without
        // being listed here.
        var taken = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        // Whether 🔥 should cheer too: what the Cheering cue leaves out, counted as if it were in.
        int themeFire = 0, noiseFire = 0;
        int noiseSmallFix = 0, noiseItems = 0, themePraise = 0, noisePraise = 0, themePraiseUncapped = 0, oneSourceMostly = 0;
        // Theme reports with the small-fix cue and in all, in themes the truth calls a small fix [0] and the others [1].
        int[] themeSmallFix = [0, 0], themeReports = [0, 0];
        var show = Environment.GetEnvironmentVariable("CUES_SHOW");
        var count = Environment.GetEnvironmentVariable("CUES_COUNT") is { Length: > 0 } pattern ? new Regex(pattern, RegexOptions.IgnoreCase) : null;
        // Per class (reports of small-fix themes, of other themes, truth noise): texts the pattern finds, and those with the cue.
        var counted = new (int Found, int SmallFix)[3];
        void Count(int cls, IEnumerable<string> texts)
        {
            if (count is null) return;
            foreach (var t in texts.Where(t => count.IsMatch(t)))
                counted[cls] = (counted[cls].Found + 1, counted[cls].SmallFix + (Cues.IsSmallFix(t) ? 1 : 0));
        }
        var bySources = new int[4];
        var all = new List<string>();
        var cleaned = new List<(FeedbackItem Item, string Text)>();
        foreach (var file in files)
        {
            var loaded = ScenarioItems.Load(file);
            var fileCleaned = loaded.Select(i => (Item: i, Text: ItemText.For(i))).ToList();
            cleaned.AddRange(fileCleaned);
            var items = loaded.ToDictionary(i => i.Id, i => i.FullText);
            // As the clusterer reads it: praise in the item's own words, no problem anywhere in what it embeds; and
            // without the word cap, to show what the cap keeps.
            HashSet<string> OnlyPraise(int maxWords, bool fireCheers = false) => fileCleaned
                .Where(x => Cues.OnlyPraises(x.Text, () => ItemText.Opening(x.Item), maxWords, () => ItemText.Cheers(x.Item) || (fireCheers && Fire(x.Item))))
                .Select(x => x.Item.Id).ToHashSet(StringComparer.Ordinal);
            var onlyPraise = OnlyPraise(Cues.MaxPraiseWords);
            var truth = ScenarioTruth.Load(file);
            var noiseIds = truth.Noise.ToHashSet(StringComparer.Ordinal);
            foreach (var id in OnlyPraise(Cues.MaxPraiseWords, fireCheers: true).Except(onlyPraise))
                if (noiseIds.Contains(id)) noiseFire++; else themeFire++;
            foreach (var (item, text) in fileCleaned)
            {
                if (NotAReport.Rule(item, text) is not { } rule) continue;
                var isNoise = noiseIds.Contains(item.Id);
                if (!taken.TryGetValue(rule, out var counts)) taken[rule] = counts = new int[2];
                counts[isNoise ? 1 : 0]++;
                if (!isNoise)
                    Console.WriteLine($"  {rule} takes a theme report: {(text.Length > 0 ? text : "(nothing left after cleaning) " + item.FullText.ReplaceLineEndings(" "))}");
            }
            var onlyPraiseUncapped = OnlyPraise(int.MaxValue);
            all.AddRange(items.Values);
            Console.WriteLine(Path.GetFileName(file));
            foreach (var theme in truth.Themes)
            {
                var texts = theme.Items.Where(items.ContainsKey).Select(id => items[id]).ToList();
                var smallFix = texts.Count(Cues.IsSmallFix);
                var cls = theme.SmallFix ? 0 : 1;
                themeSmallFix[cls] += smallFix;
                themeReports[cls] += texts.Count;
                Count(cls, texts);
                themePraise += theme.Items.Count(onlyPraise.Contains);
                themePraiseUncapped += theme.Items.Count(onlyPraiseUncapped.Contains);
                if (texts.Count < 3) continue;
                // Which channels a theme's reports came through.
                var sources = theme.Items.GroupBy(DigestBuilder.SourceOf).Select(g => g.Count()).ToList();
                bySources[Math.Min(3, sources.Count)]++;
                if (sources.Max() > 0.8 * theme.Items.Count) oneSourceMostly++;
                var request = texts.Count(t => Cues.Request().IsMatch(t));
                // CUES_SHOW=THEME: what the small-fix cue matched in each of that truth theme's reports.
                if (show == theme.Id)
                {
                    foreach (var t in texts.Where(Cues.IsSmallFix))
                        Console.WriteLine($"    small fix [{string.Join(" | ", Cues.SmallFix().Matches(t).Select(m => m.Value))}] {t.ReplaceLineEndings(" ")[..Math.Min(160, t.Length)]}");
                    // And which reports name a problem in words (Cues.NamesAProblem), which a group's reading counts.
                    foreach (var t in texts)
                        Console.WriteLine($"    {(Cues.NamesAProblem(t) ? "names a problem" : "names none     ")} {t.ReplaceLineEndings(" ")[..Math.Min(160, t.Length)]}");
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {theme.Id,-32} small fix {(double)smallFix / texts.Count:0.00}  request {(double)request / texts.Count:0.00}  ({texts.Count} reports{(theme.SmallFix ? ", truth: small fix" : "")})"));
            }
            var noise = truth.Noise.Where(items.ContainsKey).Select(id => items[id]).ToList();
            noiseItems += noise.Count;
            noiseSmallFix += noise.Count(Cues.IsSmallFix);
            Count(2, noise);
            noisePraise += truth.Noise.Count(onlyPraise.Contains);
        }
        var themeItems = themeReports[0] + themeReports[1];
        Console.WriteLine($"small-fix cue: {themeSmallFix[0] + themeSmallFix[1]} of {themeItems} theme reports ({themeSmallFix[0]} of {themeReports[0]} in small-fix themes, {themeSmallFix[1]} of {themeReports[1]} in others), {noiseSmallFix} of {noiseItems} truth-noise items");
        if (count is not null)
            Console.WriteLine($"/{count}/: {counted[0].Found} reports of small-fix themes ({counted[0].SmallFix} with the small-fix cue), {counted[1].Found} of other themes ({counted[1].SmallFix}), {counted[2].Found} truth-noise items ({counted[2].SmallFix})");
        Console.WriteLine($"truth themes of 3+ reports by how many sources they came through: one {bySources[1]}, two {bySources[2]}, three {bySources[3]}; more than 80 % from one source: {oneSourceMostly}");
        Console.WriteLine($"only praise (noise, however near a theme): {themePraise} of {themeItems} theme reports ({themePraiseUncapped} without the {Cues.MaxPraiseWords}-word cap), {noisePraise} of {noiseItems} truth-noise items");
        Console.WriteLine($"only praise with 🔥 as a cheer too: {themeFire} more theme reports, {noiseFire} more truth-noise items");
        foreach (var (rule, counts) in taken)
            Console.WriteLine($"not a report, {rule}: {counts[0]} of {themeItems} theme reports, {counts[1]} of {noiseItems} truth-noise items");
        for (var pass = 1; pass <= 2; pass++)
        {
            var clock = Stopwatch.StartNew();
            var smallFixes = all.Count(Cues.IsSmallFix);
            var smallFixMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var requests = all.Count(t => Cues.Request().IsMatch(t));
            var requestMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            // As the clusterer applies it: on the cleaned text, cleaning the opening again only when needed.
            var onlyPraising = cleaned.Count(x => Cues.OnlyPraises(x.Text, () => ItemText.Opening(x.Item), cheers: () => ItemText.Cheers(x.Item)));
            var onlyPraiseMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var toTheBot = cleaned.Count(x => Cues.OnlyAddressesTheBot(x.Text, () => ItemText.Opening(x.Item)));
            var toTheBotMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var away = cleaned.Count(x => Cues.IsAwayNotice(x.Text, () => ItemText.Opening(x.Item)));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reading {all.Count} items, pass {pass}: small-fix cue {smallFixMs:0} ms ({smallFixes} carry one), request cue {requestMs:0} ms ({requests}), only-praise rule {onlyPraiseMs:0} ms ({onlyPraising}), speaks-only-to-the-bot rule {toTheBotMs:0} ms ({toTheBot}), away-notice rule {clock.Elapsed.TotalMilliseconds:0} ms ({away})"));
        }
    }
}
