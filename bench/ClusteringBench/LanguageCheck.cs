using System.Globalization;
using System.Text.Json;
using TriageBot.Clustering;
using TriageBot.Text;

/// <summary>
/// `languages FILES`: how the English check (<see cref="EnglishText.Reads(string)"/>, on the text the clusterer reads) judges
/// the X posts of generated scenarios, whose declared language (`lang`) is the truth. Per language: posts, and how many
/// read as English. A post in another language read as English may seed a theme of its language rather than its problem.
/// </summary>
internal static class LanguageCheck
{
    public static void Run(IEnumerable<string> files)
    {
        var byLanguage = new SortedDictionary<string, (int Posts, int ReadEnglish)>(StringComparer.Ordinal);
        var examples = new List<string>();
        var shown = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (!doc.RootElement.TryGetProperty("x", out var x)) continue;
            foreach (var post in x.GetProperty("posts").EnumerateArray())
            {
                var lang = post.TryGetProperty("lang", out var l) ? l.GetString() ?? "und" : "und";
                var text = ItemText.Clean(post.GetProperty("text").GetString() ?? "");
                var english = EnglishText.Reads(text);
                var (posts, readEnglish) = byLanguage.GetValueOrDefault(lang);
                byLanguage[lang] = (posts + 1, readEnglish + (english ? 1 : 0));
                // A few of each language's misreadings, to see which words the check lacks.
                if (english && lang is not ("en" or "und" or "zxx") && (shown[lang] = shown.GetValueOrDefault(lang) + 1) <= 8)
                    examples.Add($"  [{lang}] {text[..Math.Min(text.Length, 140)]}");
            }
        }
        foreach (var (lang, (posts, readEnglish)) in byLanguage)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lang,-4} {posts,7} posts, {readEnglish,7} read as English ({(double)readEnglish / posts:P1})"));
        foreach (var e in examples) Console.WriteLine(e);
    }
}
