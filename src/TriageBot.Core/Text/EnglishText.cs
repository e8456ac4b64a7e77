using System.Buffers;
using System.Globalization;

namespace TriageBot.Text;

/// <summary>
/// Whether a text is in English, the language the embedding model, the cues and the offline agent read. Counted, not
/// modelled: English function words against those of the languages feedback most often arrives in, and CJK by characters.
/// </summary>
public static class EnglishText
{
    // The most frequent English function words: a text of several words with almost none of them
    // is in another language (or is a log), and an English-only model cannot place it among themes.
    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "and", "or", "but", "is", "are", "was", "were", "be", "been", "it", "its", "it's",
        "to", "of", "in", "on", "for", "with", "at", "by", "from", "as", "this", "that", "these", "i", "we",
        "you", "they", "my", "our", "your", "me", "not", "no", "do", "does", "did", "can", "can't", "cannot",
        "have", "has", "had", "if", "when", "so", "just", "all", "any", "some", "there", "what", "why", "how",
        "after", "before", "again", "every", "only", "still", "even", "then", "than", "into", "out", "up",
        "don't", "doesn't", "i'm", "pls", "please", "same", "too", "will", "would", "should", "could",
    };

    // The commonest function words of the other languages feedback arrives in most (Spanish, Portuguese,
    // German, French, Italian, Dutch) that are not English words too: a few of them outweigh a stray "no" or "a".
    // Words with letters English does not write count as well (see Reads), which covers other scripts.
    private static readonly HashSet<string> OtherFunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "el", "la", "los", "las", "que", "de", "del", "y", "es", "una", "para", "con", "por", "pero", "muy", "cuando", "está",
        "não", "o", "um", "uma", "com", "em", "se", "mais", "nao", "é", "do", "da", "os", "as", "a", "no", "quando",
        "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "wenn", "auch", "bei", "ich", "wir", "sich", "auf",
        "le", "les", "des", "est", "pas", "une", "avec", "pour", "je", "nous", "mais", "dans", "sur",
        "il", "di", "che", "non", "per", "sono", "het", "een", "niet", "ik", "wij", "maar", "bij",
        "den", "dem", "aus", "im", "zu", "für", "von", "nach", "noch", "à", "en", "au", "aux", "du", "et", "ça", "ne", "qui",
        // More Dutch: with only a handful, "komt er ooit een vergoeding voor thuisladen in het wagenparkaccount? Dan stappen
        // we volledig over" read as English by its "in" and "we" (8 of 29 Dutch posts of one blind product; `languages`).
        "er", "voor", "dat", "op", "te", "zijn", "ze", "om", "ook", "wordt", "naar", "geen", "mijn", "onze", "deze",
        "dit", "als", "wel", "kan", "heb", "uit", "toch", "hij", "zij", "jullie", "waar", "hoe", "dus", "omdat",
        // More Portuguese and Spanish, for the same misreadings ("as gorjetas … somem do relatório … os garçons tão recebendo menos").
        "vai", "pra", "pelo", "pela", "isso", "esse", "essa", "ele", "ela", "só", "tão", "também", "já", "todos", "qué",
        // Italian, Polish and Swedish, none of them an English word: with the letters English does not write (see Reads) they
        // mark the posts of a product whose feedback arrives in those languages (Kitebase's; docs/benchmarks.md, "Session 31").
        "anche", "della", "questo", "nel", "gli", "ancora", "tutti", "buon", "buona", "sempre", "nie", "jest", "jak", "och", "inte", "jag",
        // Greetings and thanks: short chatter is often nothing else.
        "hola", "gracias", "bonjour", "salut", "merci", "guten", "danke", "bitte", "hallo", "olá", "obrigado", "obrigada", "ciao", "grazie",
    };

    /// <summary>
    /// Whether the text reads as English: CJK-heavy text, several words without English function words, or a few words
    /// with a word of another language (one of its function words, or one with a letter English does not write) and none
    /// only English's, does not.
    /// </summary>
    public static bool Reads(string text) => Reads(text, shown: false);

    /// <summary>
    /// For a title or a sentence a reader will see: English unless it carries more marks of another language (its function
    /// words, or words with letters English does not write) than words only English has. Titles are terse ("Approval bypass via generated
    /// shell script" has no function word at all), so the absence of English words says nothing here, where
    /// <see cref="Reads(string)"/> wants some in a text of six words or more.
    /// </summary>
    public static bool ReadsShown(string text) => Reads(text, shown: true);

    private static bool Reads(string text, bool shown)
    {
        int words = 0, english = 0, englishOnly = 0, other = 0, latinLetters = 0, cjk = 0;
        foreach (var c in text)
        {
            if (IsCjk(c)) cjk++;
            else if (char.IsAsciiLetter(c)) latinLetters++;
        }
        // CJK scripts put a whole sentence in one space-free token, so they are weighed by characters:
        // a product name in Latin letters inside a Japanese sentence does not make it English.
        if (cjk >= 4 && cjk * 2 >= latinLetters) return false;
        // Read over spans: the check runs on every candidate of a run (100,000 at volume), and splitting into strings
        // allocated each word of each text.
        var all = text.AsSpan();
        foreach (var range in all.SplitAny(WordSeparators))
        {
            var token = all[range];
            // A token is only looked at for CJK when the first pass found some.
            if (token.IsEmpty || (cjk > 0 && HasCjk(token)) || !HasLetter(token)) continue;
            words++;
            var word = token.Trim("'*_-");
            // A word with a letter English does not write ("alguém", "Schöne", "приложение") is another language's.
            bool isEnglish = EnglishWords.Contains(word), isOther = OtherWords.Contains(word) || HasLetterEnglishDoesNotWrite(word);
            if (isEnglish) english++;
            // "a", "no", "do" are words of both: they count for English below, but not in this comparison.
            if (isEnglish && !isOther) englishOnly++;
            if (isOther && !isEnglish) other++;
        }
        if (shown) return other == 0 || other <= englishOnly;
        if (other >= 2 && other > englishOnly) return false;
        // A few words are English unless one of them is another language's and none only English's: "Hi! Guten Morgen
        // zusammen ☕" passed as too short to judge, and at 100,000 items such posts joined a theme of German requests.
        if (words < 6) return other == 0 || englishOnly > 0;
        return english >= Math.Max(1, words / 12.0);
    }

    private static readonly SearchValues<char> WordSeparators = SearchValues.Create(" \t\n,.!?:;()\"`|/¡¿“”«»„");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishWords = EnglishFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherWords = OtherFunctionWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool HasCjk(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (IsCjk(c)) return true;
        return false;
    }

    // "Paginação", "envoyés", "Änderungen", "приложение": letters English does not write (CJK is counted apart).
    private static bool HasLetterEnglishDoesNotWrite(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (c > '\u007F' && char.IsLetter(c) && !IsCjk(c)) return true;
        return false;
    }

    private static bool HasLetter(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
            if (char.IsLetter(c)) return true;
        return false;
    }

    // The range first: it rules out every Latin character without the Unicode table.
    internal static bool IsCjk(char c) =>
        c >= '\u2E80' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;
}
