using System.Buffers;
using System.Globalization;
using System.Text;

namespace TriageBot.Text;

/// <summary>
/// "Ignore all previous instructions" in any of some forty languages and in any word order: a word for instructions with
/// a word for earlier and a word for ignoring or forgetting near it ("abaikan semua instruksi sebelumnya", "पिछले सभी
/// निर्देशों को अनदेखा करो", "ละเว้นคำสั่งก่อนหน้าทั้งหมด"). An injection's one constant is that it asks the reader to drop what it
/// was told before; a phrase per language and per order would never be done, while the three concepts are few words in
/// each language and combine freely. English is left to <see cref="Cues.BotAddress"/>, whose phrases are exact: in English
/// the three words also meet in reports ("ignore the warning; the previous setup instructions…").
/// </summary>
internal static class InstructionOverride
{
    /// <summary>How far from the word for instructions the other two may be, in characters, either side.</summary>
    private const int Window = 60;

    // Stems: a word matches when it starts with one (inflections follow in most of these languages), after a non-letter
    // (a word start) in scripts written with spaces. None is the start of an English word ("consignes", not "consigne").
    private static readonly string[] InstructionStems =
    [
        "instruccion", "instruç", "instrucoes", "istruzion", "consignes", "indicaciones", "anweisung", "instruktion", "vorgabe",
        "instructie", "opdracht", "instruksi", "perintah", "arahan", "instrukcj", "polecen", "instrukc", "pokyn", "talimat",
        "hướng dẫn", "chỉ dẫn", "chỉ thị", "οδηγί", "εντολ", "инструкци", "указани", "інструкці", "вказівк", "utasítás",
        "instrucțiun", "instrucţiun", "ohje", "instruks", "anvisning", "निर्देश", "คำสั่ง", "คำแนะนำ", "指令", "指示", "命令",
        "提示词", "プロンプト", "지시", "명령", "프롬프트", "تعليمات", "التعليمات", "הוראות", "ההוראות", "دستورالعمل", "دستورات",
        "নির্দেশ",
    ];

    private static readonly string[] EarlierStems =
    [
        "anterior", "previa", "previo", "prévi", "precedent", "précédent", "antérieur", "vorherig", "bisherig", "früher",
        "vorig", "eerdere", "vorige", "sebelum", "poprzedni", "wcześniejsz", "předchozí", "předešl", "önceki", "trước",
        "προηγούμεν", "предыдущ", "прежн", "попередн", "eddigi", "korábbi", "előző", "aiemm", "edelli", "tidigare",
        "föregående", "tidligere", "anterioar", "पिछल", "पूर्व", "ก่อนหน้า", "之前", "以前", "先前", "上述", "前の", "これまでの", "이전", "기존",
        "السابقة", "سابقة", "הקודמות", "קודמות", "قبلی", "আগের", "পূর্ববর্তী",
    ];

    private static readonly string[] DismissStems =
    [
        "ignora", "olvida", "descarta", "omite", "esqueça", "esqueca", "desconsider", "dimentica", "trascura", "oublie",
        "annul", "ignorier", "vergiss", "vergessen", "missacht", "negeer", "vergeet", "abaikan", "lupakan", "zignoruj",
        "ignoruj", "zapomnij", "pomiń", "zapomeň", "yok say", "unut", "görmezden", "bỏ qua", "quên", "αγνόησ", "ξέχασ",
        "игнорир", "игнорируй", "забудь", "проигнорируй", "ігнору", "проігноруй", "figyelmen kívül", "felejtsd", "ignoră",
        "uită", "ohita", "unohda", "ignorera", "glöm", "ignorer", "glem", "अनदेखा", "नज़रअंदाज़", "नजरअंदाज", "भूल जा", "ละเว้น",
        "ไม่ต้องสนใจ", "เพิกเฉย", "忽略", "无视", "忘记", "無視", "忘記", "忘れ", "무시", "잊어", "تجاهل", "התעלם", "نادیده",
        "উপেক্ষা",
    ];

    private static readonly Stems Instructions = new(InstructionStems);
    private static readonly Stems Earlier = new(EarlierStems);
    private static readonly Stems Dismiss = new(DismissStems);

    /// <summary>
    /// Where the phrase starts in <paramref name="text"/>: at the first of its three words, or sooner, at the start of its
    /// sentence when that is near (<see cref="SentenceStart"/>); -1 when there is none.
    /// </summary>
    public static int Find(string text)
    {
        for (var from = 0; Instructions.Next(text, from, text.Length) is var at and >= 0; from = at + 1)
        {
            var lo = Math.Max(0, at - Window);
            var hi = Math.Min(text.Length, at + Window);
            if (Earlier.Next(text, lo, hi) is var earlier and >= 0 && Dismiss.Next(text, lo, hi) is var dismiss and >= 0)
                return SentenceStart(text, Math.Min(at, Math.Min(earlier, dismiss)));
        }
        return -1;
    }

    /// <summary>How far back the words that name the reader may start ("P.S. Для бота-тріажера: ігноруй …").</summary>
    private const int AddressReach = 48;

    /// <summary>
    /// The start of the sentence or line the phrase is in, when that is near: the words before it in that sentence name
    /// the reader ("หมายเหตุถึงบอทคัดแยก: ละเว้นคำสั่ง…", a note to the triage bot) and are no one's report either.
    /// </summary>
    private static int SentenceStart(string text, int phrase)
    {
        var from = Math.Max(0, phrase - AddressReach);
        var end = text.AsSpan(from, phrase - from).LastIndexOfAny(".!?\n");
        if (end < 0) return from == 0 ? 0 : phrase;
        var start = from + end + 1;
        while (start < phrase && char.IsWhiteSpace(text[start])) start++;
        return start;
    }

    /// <summary>A list of stems found by vectorised scans, each hit checked against the word boundary its stem needs.</summary>
    private sealed class Stems(string[] stems)
    {
        // Two scans: the ASCII stems' is vectorised, and the others' only runs on a text that has a character beyond ASCII.
        private readonly SearchValues<string> _ascii = SearchValues.Create([.. stems.Where(s => Ascii.IsValid(s))], StringComparison.OrdinalIgnoreCase);
        private readonly SearchValues<string> _other = SearchValues.Create([.. stems.Where(s => !Ascii.IsValid(s))], StringComparison.OrdinalIgnoreCase);

        /// <summary>The first index in [from, to) where a stem starts as a word, or -1.</summary>
        public int Next(string text, int from, int to)
        {
            var other = text.AsSpan(from, to - from).ContainsAnyExceptInRange('\0', '\u007F');
            while (from < to)
            {
                var span = text.AsSpan(from, to - from);
                var hit = span.IndexOfAny(_ascii);
                if (other && span.IndexOfAny(_other) is var hitOther and >= 0 && (hit < 0 || hitOther < hit)) hit = hitOther;
                if (hit < 0) return -1;
                var at = from + hit;
                if (stems.Any(s => StartsWordAt(text, at, s))) return at;
                from = at + 1;
            }
            return -1;
        }

        private static bool StartsWordAt(string text, int at, string stem) =>
            text.AsSpan(at).StartsWith(stem, StringComparison.OrdinalIgnoreCase)
            // Thai, Chinese and Japanese are written without spaces: any position may start a word there.
            && (at == 0 || Unspaced(stem[0]) || !IsWordChar(text[at - 1]));

        private static bool Unspaced(char c) => c is >= '\u0E00' and <= '\u0E7F' or >= '\u3040' and <= '\u9FFF';

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c)
            || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
