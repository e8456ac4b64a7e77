using System.Globalization;
using System.Text;

namespace TriageBot.Agent.Text;

/// <summary>
/// Word-level tokens for similarity: lower case, stop words dropped, a light suffix stemmer so
/// "paths"/"path" and "crashing"/"crash" meet. Product-neutral: nothing here knows any product.
/// </summary>
public static class TextTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a","an","the","and","or","but","if","then","else","of","to","in","on","at","by","for","with","from","into","onto",
        "is","are","was","were","be","been","being","am","do","does","did","done","doing","have","has","had","having",
        "i","me","my","we","our","us","you","your","he","she","it","its","they","them","their","this","that","these","those",
        "there","here","what","which","who","whom","when","where","why","how","so","too","very","just","also","still","even",
        "not","no","yes","can","could","would","should","will","shall","may","might","must","get","got","gets","getting",
        "im","ive","dont","doesnt","didnt","cant","wont","isnt","arent","wasnt","thats","its","theyre","youre","lets",
        "any","some","all","each","every","more","most","other","such","only","own","same","than","now","again","about",
        "after","before","over","under","up","down","out","off","as","like","via","per","s","t","re","ve","ll","d","m",
        "one","two","three","really","please","thanks","thank","hey","hi","hello","team","folks","everyone","anyone","someone",
        "lol","ok","okay","yeah","yep","oh","oof","wow","etc","e","g","eg","ie","vs","time","times","day","days","today",
        "yesterday","tomorrow","week","thing","things","way","lot","bit","much","many","something","anything","nothing",
        "seems","seem","think","know","see","saw","seen","look","looks","looking","say","says","said","tell","told",
        "make","makes","made","use","using","used","want","wants","need","needs","try","tried","trying","go","goes","going",
        "app","user","users","issue","issues","problem","problems","report","reports","reported","customer","customers",
        "affects","happening","happens","happen","update","eta","confirm","same","seeing","since","while","because",
        "version","os","shell","install","method","expected","behavior","behaviour","steps","reproduce","description","info",
    };

    /// <summary>Tokens of <paramref name="text"/>, stop words removed, stemmed.</summary>
    public static List<string> Tokenize(string text) => Tokenize(text, null);

    /// <summary>As <see cref="Tokenize(string)"/>, recording each stem's surface words in <paramref name="surfaces"/>.</summary>
    public static List<string> Tokenize(string text, Dictionary<string, Dictionary<string, int>>? surfaces)
    {
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (ch is '\'' or '’')
            {
                // "don't" → "dont": keeps contractions out of the vocabulary via the stop list.
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (sb.Length == 0) return;
            var word = sb.ToString();
            sb.Clear();
            if (word.Length < 2 || StopWords.Contains(word)) return;
            if (word.All(char.IsDigit) && word.Length > 4) return; // ids, timestamps
            var stem = Stem(word);
            tokens.Add(stem);
            if (surfaces is not null)
            {
                if (!surfaces.TryGetValue(stem, out var forms)) surfaces[stem] = forms = new(StringComparer.Ordinal);
                forms[word] = forms.GetValueOrDefault(word) + 1;
            }
        }
    }

    /// <summary>Unigrams plus adjacent bigrams ("line_end"), so phrases weigh more than loose words.</summary>
    public static List<string> TermsWithBigrams(string text)
    {
        var unigrams = Tokenize(text);
        var terms = new List<string>(unigrams.Count * 2);
        terms.AddRange(unigrams);
        for (var i = 0; i + 1 < unigrams.Count; i++)
        {
            terms.Add(unigrams[i] + "_" + unigrams[i + 1]);
        }
        return terms;
    }

    /// <summary>A deliberately light stemmer: plural and common verb endings only.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsDigit)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5) return TrimDouble(word[..^3]);
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4) return TrimDouble(word[..^2]);
        if (word.EndsWith("es", StringComparison.Ordinal) && word.Length > 4 && "sxz".Contains(word[^3], StringComparison.Ordinal)) return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static string TrimDouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && !"lsz".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;
}
