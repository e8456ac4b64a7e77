using System.Text;
using System.Text.RegularExpressions;

namespace TriageBot.Clients.Slack;

/// <summary>
/// Turns Slack mrkdwn into readable text: <c>&lt;@U1&gt;</c> to @name, <c>&lt;#C1|name&gt;</c> to #name,
/// <c>&lt;url|label&gt;</c> to "label (url)", special mentions to @here/@channel, and the three HTML escapes.
/// Slack escapes literal &lt; and &gt;, so every angle bracket in the raw text is a control sequence.
/// </summary>
public static partial class SlackMrkdwn
{
    [GeneratedRegex("<([^<>]*)>")]
    private static partial Regex ControlSequence();

    [GeneratedRegex("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>")]
    private static partial Regex UserMention();

    /// <summary>User ids mentioned in <paramref name="raw"/>, so their names can be fetched before decoding.</summary>
    public static IEnumerable<string> MentionedUsers(string raw) =>
        UserMention().Matches(raw).Select(m => m.Groups[1].Value);

    public static string Decode(string raw, Func<string, string?>? userName = null, Func<string, string?>? channelName = null)
    {
        if (string.IsNullOrEmpty(raw)) return "";
        var sb = new StringBuilder(raw.Length);
        var last = 0;
        foreach (Match m in ControlSequence().Matches(raw))
        {
            sb.Append(Unescape(raw.AsSpan(last, m.Index - last)));
            sb.Append(DecodeControl(m.Groups[1].Value, userName, channelName));
            last = m.Index + m.Length;
        }
        sb.Append(Unescape(raw.AsSpan(last)));
        return sb.ToString();
    }

    private static string DecodeControl(string inner, Func<string, string?>? userName, Func<string, string?>? channelName)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : Unescape(inner.AsSpan(bar + 1));

        if (target.StartsWith('@'))
        {
            var id = target[1..];
            return "@" + (userName?.Invoke(id) ?? label?.TrimStart('@') ?? id);
        }
        if (target.StartsWith('#'))
        {
            var id = target[1..];
            return "#" + (label ?? channelName?.Invoke(id) ?? id);
        }
        if (target.StartsWith('!'))
        {
            // <!here>, <!channel>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
            if (label is not null) return label.StartsWith('@') || target.StartsWith("!date", StringComparison.Ordinal) ? label : "@" + label;
            var word = target[1..];
            var caret = word.IndexOf('^', StringComparison.Ordinal);
            return "@" + (caret < 0 ? word : word[..caret]);
        }
        var url = Unescape(target.AsSpan());
        if (label is null || label == url) return url;
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && url[7..] == label) return label;
        return $"{label} ({url})";
    }

    private static string Unescape(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('&') < 0) return s.ToString();
        return s.ToString().Replace("&lt;", "<", StringComparison.Ordinal)
                           .Replace("&gt;", ">", StringComparison.Ordinal)
                           .Replace("&amp;", "&", StringComparison.Ordinal);
    }
}
