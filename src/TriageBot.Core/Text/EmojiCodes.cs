using System.Text.RegularExpressions;

namespace TriageBot.Text;

/// <summary>Slack's and GitHub's emoji codes in feedback text (":scream:", ":+1:").</summary>
public static partial class EmojiCodes
{
    /// <summary>
    /// One code, its name in group 1. Not after a word character or a colon and not before one, so a clock time
    /// ("12:30:45") or "a:b:c" is not read as a code: text that drops codes would otherwise turn "12:30:45" into "1245".
    /// </summary>
    [GeneratedRegex(@"(?<![\w:]):([a-z0-9+\-][a-z0-9_+\-]*):(?![\w:])")]
    public static partial Regex Code();
}
