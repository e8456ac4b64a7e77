using System.Net;
using System.Text;
using TriageBot.Text;

namespace TriageBot.Reports;

/// <summary>
/// Escaping for each digest format. Feedback text (and titles the agent derived from it) is untrusted:
/// it must show as text, never become markup, links or mentions.
/// </summary>
internal static class DigestText
{
    /// <summary>An absolute http(s) URL, normalised and percent-encoded; null for anything else (javascript:, relative...).</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        return uri.AbsoluteUri
            .Replace("|", "%7C", StringComparison.Ordinal).Replace("<", "%3C", StringComparison.Ordinal)
            .Replace(">", "%3E", StringComparison.Ordinal).Replace("(", "%28", StringComparison.Ordinal)
            .Replace(")", "%29", StringComparison.Ordinal).Replace("\"", "%22", StringComparison.Ordinal)
            .Replace(" ", "%20", StringComparison.Ordinal);
    }

    public static string Html(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Slack mrkdwn: only &amp;, &lt; and &gt; are control characters (they start links and mentions).</summary>
    public static string Slack(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>CommonMark: backslash-escape the punctuation that starts emphasis, links, HTML, code or blocks.</summary>
    public static string Markdown(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\r' or '\n') { sb.Append(' '); continue; }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '&' or '!' or '(' or ')')
                sb.Append('\\');
            sb.Append(c);
        }
        // A leading "-", "+" or "1." would turn the line into a list item.
        if (sb.Length > 0 && sb[0] is '-' or '+') sb.Insert(0, '\\');
        var digits = 0;
        while (digits < sb.Length && char.IsAsciiDigit(sb[digits])) digits++;
        if (digits > 0 && digits < sb.Length && sb[digits] == '.') sb.Insert(digits, '\\');
        return sb.ToString();
    }

    /// <summary>
    /// A quote as the page (Markdown, HTML) shows it: Slack's and GitHub's emoji codes would read ":scream:" there, so the
    /// common ones become the emoji and the rest are left out. The Slack post keeps the codes, which Slack draws itself.
    /// </summary>
    public static string PageText(string text) =>
        text.Contains(':', StringComparison.Ordinal) ? Markup.EmojiCode().Replace(text, m => EmojiByCode.GetValueOrDefault(m.Groups[1].Value, "")) : text;

    private static readonly Dictionary<string, string> EmojiByCode = new(StringComparer.Ordinal)
    {
        ["scream"] = "😱", ["sob"] = "😭", ["cry"] = "😢", ["joy"] = "😂", ["rage"] = "😡", ["thinking_face"] = "🤔",
        ["face_palm"] = "🤦", ["facepalm"] = "🤦", ["upside_down_face"] = "🙃", ["slightly_smiling_face"] = "🙂",
        ["sweat_smile"] = "😅", ["grimacing"] = "😬", ["eyes"] = "👀", ["fire"] = "🔥", ["rotating_light"] = "🚨",
        ["warning"] = "⚠️", ["tada"] = "🎉", ["pray"] = "🙏", ["+1"] = "👍", ["thumbsup"] = "👍", ["-1"] = "👎",
        ["heart"] = "❤️", ["rocket"] = "🚀", ["100"] = "💯", ["white_check_mark"] = "✅", ["x"] = "❌", ["bug"] = "🐛",
        ["sparkles"] = "✨", ["smile"] = "😄", ["wave"] = "👋",
    };

    public static string Percent(double share) => share.ToString("0.#%", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// What a small fix's line says of its dispatch: the hand-off this run ("delegated MNY-237 to Codex, which opens a
    /// draft pull request"), a dry run's plan, or a failure; nothing when it was skipped or dispatch is off.
    /// </summary>
    public static string? DispatchNote(DigestTheme theme) => theme.Dispatch switch
    {
        { Status: "opened", Reason: { } reason } => reason,
        { Status: "dry-run", Reason: { } reason } => "dry run: " + reason,
        { Status: "failed" } => "dispatch failed (see report.json)",
        _ => null,
    };

    public static string Plural(int n, string one, string many) => n == 1 ? $"{n} {one}" : $"{n} {many}";

    public static string Sources(IReadOnlyList<SourceCount> counts, string separator = " · ") =>
        string.Join(separator, counts.Select(c => $"{c.Label} {c.Count}"));

    /// <summary>
    /// What follows a theme's title: its ticket, or for a held theme the larger theme it reads like (and that theme's
    /// ticket), so a reader does not take a ticketless theme for a dropped one. <paramref name="text"/> escapes for the
    /// format; <paramref name="link"/> makes a link from a label and a URL.
    /// </summary>
    public static string TicketOrHeld(DigestTheme theme, Func<string, string> text, Func<string, string, string> link) => theme switch
    {
        { Ticket: { } ticket } => $" · {link(ticket.Identifier, ticket.Url)} ({text(ticket.Action)}{(ticket.State is { Length: > 0 } state ? ", " + text(state) : "")})",
        { HeldBeside: { } like } => $" · no ticket of its own: reads like “{text(like.Title)}”" +
            (like.Ticket is { } larger ? $" ({link(larger.Identifier, larger.Url)})" : ""),
        _ => "",
    };

    /// <summary>"16 items of feedback in 2 themes, 9 in the last 7 days": a goal's volume and how much of it is recent.</summary>
    public static string GoalVolume(DigestGoal goal, string itemsIn = "of feedback in") =>
        $"{Plural(goal.FeedbackItems, "item", "items")} {itemsIn} {Plural(goal.Themes.Count, "theme", "themes")}, {goal.LastWeekItems} in the last 7 days";

    /// <summary>
    /// How far a goal's tickets have got, from their workflow states ("2 of 5 tickets done, 1 in progress"); null when
    /// no state was read (the run could not read them, or the goal has no tickets). Canceled tickets are named apart.
    /// </summary>
    public static string? TicketProgress(DigestGoal goal)
    {
        var types = goal.Ticketed.Select(t => t.Ticket!.StateType).OfType<string>().ToList();
        if (types.Count == 0) return null;
        var progress = $"{types.Count(t => t == "completed")} of {Plural(types.Count, "ticket", "tickets")} done";
        if (types.Count(t => t == "started") is > 0 and var started) progress += $", {started} in progress";
        if (types.Count(t => t is "canceled" or "cancelled") is > 0 and var canceled) progress += $", {canceled} canceled";
        return progress;
    }

    /// <summary>", N held" after the ticket counts when themes were held; nothing otherwise.</summary>
    public static string HeldCount(DigestHeadline headline) =>
        headline.TicketsHeld == 0 ? "" : $", {headline.TicketsHeld} held (read like a larger theme)";
}
