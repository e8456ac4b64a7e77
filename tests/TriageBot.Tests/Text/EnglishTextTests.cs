using TriageBot.Text;

namespace TriageBot.Tests.Text;

/// <summary>Which texts read as English (<see cref="EnglishText.Reads"/>), the language the model, the cues and the offline agent read.</summary>
public sealed class EnglishTextTests
{
    [Theory]
    [InlineData("the export fails when I open a large file", true)]
    [InlineData("Der Export schlägt fehl, sobald die Datei größer als zehn Megabyte ist", false)]
    [InlineData("エクスポートが大きなファイルで失敗します", false)]
    [InlineData("Cinder 便利すぎる。ありがとう！", false)] // a Latin product name does not make a Japanese sentence English
    [InlineData("the export to 東京 office fails every morning", true)]
    [InlineData("No Windows o app não consegue rodar nenhum comando se a pasta do projeto tiver espaço no nome", false)] // "no", "a" are English words too
    [InlineData("ok export count today: 112. i counted.", true)]
    [InlineData("Guten Morgen aus den Bergen ☀️", false)] // short chatter: few words, but every one of them German
    [InlineData("quelqu'un fait le Tour du Mont Blanc en juillet ?", false)]
    [InlineData("export crashes on large files", true)]
    // Words are split at tabs, new lines, pipes and brackets and read without quotes or emphasis around them.
    [InlineData("*The* export\tfails|when\nI open (a) 'large' file from _the_ share, every single time today", true)]
    [InlineData("La|app\tnão\n(funciona) com 'o' arquivo *que* eu abro para a equipe hoje", false)]
    // Dutch with a stray "in" and "we", which English has too.
    [InlineData("@voltway komt er ooit een vergoeding voor thuisladen in het wagenparkaccount? Dan stappen we volledig over.", false)]
    [InlineData("Klanten klagen dat de kaart laadpalen als beschikbaar toont terwijl ze al dagen defect zijn. Vooral bij the IKEA site in Cologne.", false)]
    [InlineData("as gorjetas ajustadas depois do fechamento do turno somem do relatório do tablebook. os garçons tão recebendo menos", false)]
    [InlineData("the op team says the charger at the depot is dead again and we can't start a session", true)]
    // Letters English does not write mark a word as another language's, in any script.
    [InlineData("alguém vai correr a meia maratona do Rio domingo?", false)]
    [InlineData("Приложение падает при запуске", false)]
    [InlineData("Η εφαρμογή κολλάει στην αρχή", false)]
    [InlineData("L'app si blocca anche quando carico un file, è ancora così", false)]
    [InlineData("Aplikacja nie działa, jest błąd przy logowaniu", false)]
    [InlineData("¡Qué lenta está la app hoy!", false)]
    [InlineData("the café in Zürich still can't sync its menu after the update", true)]
    public void Language_check_tells_english_from_other_text(string text, bool english) =>
        Assert.Equal(english, EnglishText.Reads(text));

    [Theory]
    [InlineData("Compatibilidad con Matter / SmartThings", false)]
    [InlineData("Bom fim de semana, pessoal!", false)]
    [InlineData("Matter support", true)]
    [InlineData("Battery will die in two hours", true)] // "die" is German too, "will" and "in" only English
    [InlineData("Export fails on large files", true)]
    [InlineData("Approval bypass via generated shell script", true)] // terse: no function word of any language
    [InlineData("Paginação do heart rate intraday repete amostras", false)] // "do" is English too; the accents are not
    [InlineData("Crash when the store is in Zürich", true)]
    [InlineData("CRLF wird bei Änderungen zu LF, Diff zeigt die ganze Datei", false)]
    public void A_shown_title_is_English_unless_another_language_marks_it(string title, bool english) =>
        Assert.Equal(english, EnglishText.ReadsShown(title));

    [Theory]
    [InlineData("Hi! Guten Morgen zusammen ☕", false)] // a greeting of another language reads as it, however short
    [InlineData("Compatibilidad con Matter / SmartThings", false)]
    [InlineData("Battery will die fast", true)] // "die" is German too, "will" only English
    [InlineData("Matter support please", true)]
    [InlineData("ok 👍", true)]
    public void A_few_words_are_English_unless_another_language_marks_them(string text, bool english) =>
        Assert.Equal(english, EnglishText.Reads(text));
}
