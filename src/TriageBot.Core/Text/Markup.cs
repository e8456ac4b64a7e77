using System.Text.RegularExpressions;

namespace TriageBot.Text;

/// <summary>Markup in feedback text that a reader does not see as written: hidden HTML comments and emoji codes.</summary>
public static partial class Markup
{
    /// <summary>
    /// What a reader of the message sees: hidden HTML comments (<c>&lt;!-- … --&gt;</c>, invisible on GitHub, where issue
    /// templates keep their instructions and where injected instructions hide) taken out.
    /// </summary>
    public static string Visible(string text) => string.IsNullOrEmpty(text) ? "" : HiddenComment().Replace(text, " ");

    /// <summary>A hidden HTML comment; an unclosed one hides the rest of the text, as it does on GitHub.</summary>
    [GeneratedRegex(@"<!--.*?(-->|$)", RegexOptions.Singleline)]
    public static partial Regex HiddenComment();

    /// <summary>
    /// One Slack or GitHub emoji code (":scream:", ":+1:"), its name in group 1. Not after a word character or a colon and
    /// not before one, so a clock time ("12:30:45") or "a:b:c" is not read as a code: text that drops codes would otherwise
    /// turn "12:30:45" into "1245".
    /// </summary>
    [GeneratedRegex(@"(?<![\w:]):([a-z0-9+\-][a-z0-9_+\-]*):(?![\w:])")]
    public static partial Regex EmojiCode();
}
