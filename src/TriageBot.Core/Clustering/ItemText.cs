using System.Text;
using System.Text.RegularExpressions;
using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Clustering;

/// <summary>
/// The text a featuriser sees for an item: title, then the body with markup, links, issue-template
/// boilerplate (environment lines, section headings) and hidden HTML comments removed, long code
/// blocks and logs cut to their first lines, then replies that say something. Leading with what
/// identifies the problem matters because embeddings only read a token budget from the start.
/// </summary>
public static partial class ItemText
{
    private const int MaxCodeLines = 2;
    private const int MaxChars = 4000;

    public static string For(FeedbackItem item)
    {
        var sb = new StringBuilder(Opening(item));
        foreach (var reply in item.Replies)
        {
            if (sb.Length > MaxChars) break;
            var text = Clean(reply.Text);
            // "+1", "thanks for flagging", "same here": replies that carry no new content dilute the vector.
            if (ActionabilityClassifier.WordCount(text) < 5) continue;
            sb.Append(" | ").Append(text);
        }
        return sb.Length > MaxChars ? sb.ToString(0, MaxChars) : sb.ToString();
    }

    /// <summary>The item's own words, cleaned: an issue's title and body, a message or a post, without replies.</summary>
    public static string Opening(FeedbackItem item) =>
        item.Title.Length > 0 ? Clean(item.Title) + ". " + Clean(item.Body) : Clean(item.Body);

    /// <summary>Whether the item's own words cheer with an emoji (<see cref="Text.Cues.Cheering"/>), read before cleaning takes Slack's codes out.</summary>
    public static bool Cheers(FeedbackItem item) => Text.Cues.Cheering().IsMatch(item.Title) || Text.Cues.Cheering().IsMatch(item.Body);

    /// <summary>Removes markup and boilerplate from one message, issue body or post.</summary>
    public static string Clean(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        text = Markup.HiddenComment().Replace(text, " ");
        text = text.Replace("&amp;", "&").Replace("&lt;", "<").Replace("&gt;", ">");
        text = SlackLinkWithLabel().Replace(text, "$1");
        text = SlackMention().Replace(text, " ");
        text = SlackLink().Replace(text, " ");
        text = Url().Replace(text, " ");
        text = EmojiCode().Replace(text, " ");

        var sb = new StringBuilder();
        StringBuilder? quoted = null;
        var inCode = false;
        var codeLines = 0;
        var lines = text.Split('\n');
        // Template fields and headings only exist in structured bodies; a one-line "Bug: export fails" is the content.
        var structured = lines.Length >= 3;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                codeLines = 0;
                continue;
            }
            if (inCode)
            {
                if (codeLines++ < MaxCodeLines && line.Length > 0) sb.Append(line).Append(". ");
                continue;
            }
            if (line.Length == 0) continue;
            if (structured && line.StartsWith('>'))
            {
                (quoted ??= new StringBuilder()).Append(line.TrimStart('>', ' ')).Append(' ');
                continue;
            }
            if (structured && (line.StartsWith('#') || TemplateField().IsMatch(line))) continue;
            sb.Append(line).Append(' ');
        }
        // A quote is mostly an earlier message repeated, but a message that is nothing else pastes the report itself
        // ("Customer email, pasted as is:" over the customer's words).
        const int enough = ActionabilityClassifier.MinPlaceableWords;
        if (quoted is not null && ActionabilityClassifier.WordCount(sb.ToString(), limit: enough) < enough) sb.Append(quoted);
        return Whitespace().Replace(sb.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"<(?:https?|mailto):[^|>\s]+\|([^>]*)>")]
    private static partial Regex SlackLinkWithLabel();

    [GeneratedRegex(@"<[@#!][^>]*>")]
    private static partial Regex SlackMention();

    [GeneratedRegex(@"<(?:https?|mailto):[^>]*>")]
    private static partial Regex SlackLink();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    // Looser than Markup.EmojiCode (it also takes ":30:" out of "12:30:45"), and kept: stored vectors are keyed by the text
    // the featurisers read (ItemEmbedder's text version), so changing it would re-embed every backlog for clock times.
    [GeneratedRegex(@":[a-z0-9_+\-]{2,30}:")]
    private static partial Regex EmojiCode();

    // "- OS: macOS 15.2", "Version: 2.15.2": short key, short value; environment, not the problem.
    [GeneratedRegex(@"^[-*]?\s*[A-Za-z][A-Za-z0-9 ._/()-]{0,24}:\s*\S.{0,40}$")]
    private static partial Regex TemplateField();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
