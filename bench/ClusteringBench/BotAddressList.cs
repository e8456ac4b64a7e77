using TriageBot.Clustering;
using TriageBot.Evaluation;
using TriageBot.Text;

/// <summary>
/// `bot-address FILES`: every distinct item text of the scenarios that turns to the bot (<see cref="Cues.SpeaksToTheBot"/>),
/// one line each with its truth (the theme it belongs to, or noise) and its first words, then how many of each. Two
/// builds' outputs, diffed, show what a change to the cue takes in or lets go; a theme's report listed is one whose words
/// after the address are no longer quoted, so each new line is read by a person.
/// </summary>
internal static class BotAddressList
{
    public static void Run(string[] files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int reports = 0, noise = 0;
        foreach (var file in files)
        {
            var truth = ScenarioTruth.Load(file);
            var owner = truth.Themes.SelectMany(t => t.Items.Select(i => (Item: i, Theme: t.Id))).ToDictionary(x => x.Item, x => x.Theme, StringComparer.Ordinal);
            foreach (var item in ScenarioItems.Load(file))
            {
                var text = ItemText.For(item);
                var start = Cues.BotAddressStart(text);
                if (start < 0 || !seen.Add(text)) continue;
                var label = owner.GetValueOrDefault(item.Id, ScenarioTruth.NoiseLabel);
                if (label == ScenarioTruth.NoiseLabel) noise++; else reports++;
                Console.WriteLine($"{label}\t{Flat(text[..Math.Min(start, 60)])} >>> {Flat(text[start..Math.Min(text.Length, start + 80)])}");
            }
        }
        Console.WriteLine($"{reports + noise} distinct texts turn to the bot: {reports} theme reports, {noise} truth-noise items");
    }

    private static string Flat(string s) => s.ReplaceLineEndings(" ").Replace('\t', ' ');
}
