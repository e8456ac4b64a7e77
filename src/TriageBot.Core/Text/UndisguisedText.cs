using System.Buffers;
using System.Text;

namespace TriageBot.Text;

/// <summary>
/// A copy of a text with the disguises injections wear taken off, for the bot-address cue to read: invisible characters
/// between the letters ("i\u200Bg\u200Bn\u200Bo\u200Br\u200Be previous instructions") and digits for letters
/// ("1gn0r3 4ll pr3v10u5 1n5truct10n5"). Each character of the copy remembers where it was in the text, so a match in the
/// copy is a position in the text. Only ever read, never shown: "5ghz" reads as "sghz" here, and nowhere else.
/// </summary>
internal static class UndisguisedText
{
    // Invisible characters with no use between letters; the joiners (U+200C, U+200D) are left, since Persian, Hindi and
    // emoji sequences need them.
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u200B\u2060\uFEFF\u00AD\u180E");

    /// <summary>
    /// The copy of <paramref name="text"/> without its disguises and, for each of its characters, its index in the text;
    /// false when there is nothing to take off.
    /// </summary>
    public static bool TryUndo(string text, out string plain, out int[] map)
    {
        plain = text;
        map = [];
        if (!text.AsSpan().ContainsAny(Invisible) && !HasDigitsForLetters(text)) return false;

        var copy = new StringBuilder(text.Length);
        var positions = new List<int>(text.Length);
        var word = new List<int>();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (Invisible.Contains(c)) continue;
            if (char.IsLetterOrDigit(c))
            {
                word.Add(i);
                continue;
            }
            Flush(text, word, copy, positions);
            if (i < text.Length)
            {
                copy.Append(c);
                positions.Add(i);
            }
        }
        plain = copy.ToString();
        map = [.. positions];
        return true;
    }

    /// <summary>A word's characters, its digits read as the letters they stand for when the word mixes both.</summary>
    private static void Flush(string text, List<int> word, StringBuilder copy, List<int> positions)
    {
        var disguised = IsDisguised(word.Select(i => text[i]));
        foreach (var i in word)
        {
            copy.Append(disguised ? Letter(text[i]) : text[i]);
            positions.Add(i);
        }
        word.Clear();
    }

    /// <summary>
    /// Whether two or more words hide a letter behind a digit between letters ("pr3v10u5", "m4rk"): a version, a model or
    /// a unit ("ios17", "5ghz", "h264", "a11y" once) does not, and most texts are spared the copy.
    /// </summary>
    private static bool HasDigitsForLetters(string text)
    {
        var words = 0;
        for (var i = 1; i < text.Length - 1; i++)
        {
            if (!StandsForLetter(text[i]) || !char.IsLetter(text[i - 1])) continue;
            var end = i;
            while (end < text.Length && StandsForLetter(text[end])) end++;
            if (end < text.Length && char.IsLetter(text[end]) && ++words == 2) return true;
            // On to the next word: one hidden letter is enough to count this one.
            while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
            i = end;
        }
        return false;
    }

    private static bool IsDisguised(IEnumerable<char> word)
    {
        var (letters, digits) = (0, 0);
        foreach (var c in word)
        {
            if (char.IsLetter(c)) letters++;
            else if (StandsForLetter(c)) digits++;
        }
        return letters >= 2 && digits >= 1;
    }

    private static bool StandsForLetter(char c) => Letter(c) != c;

    private static char Letter(char c) => c switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't',
        _ => c,
    };
}
