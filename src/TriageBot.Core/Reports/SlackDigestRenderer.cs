using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TriageBot.Domain;
using static TriageBot.Reports.DigestText;

namespace TriageBot.Reports;

/// <summary>The digest as a Slack message: <see cref="Text"/> is the notification and fallback, <see cref="Blocks"/> the Block Kit layout.</summary>
public sealed record SlackDigest(string Text, JsonArray Blocks);

/// <summary>
/// Lays the digest out in Block Kit within Slack's limits (header ≤150 chars, section text ≤3,000,
/// ≤50 blocks, fallback text under 4,000): long lists are cut at a line and say how much was left out.
/// </summary>
public static class SlackDigestRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxHeaderChars = 150;
    public const int MaxSectionChars = 3000;
    public const int MaxTextChars = 3900;
    /// <summary>Themes shown one section each; the full list lives in digest.html.</summary>
    public const int MaxThemeSections = 15;

    public static SlackDigest Render(DigestModel model)
    {
        var h = model.Headline;
        var date = model.Date.UtcDateTime.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
        var headline = $"*{Plural(h.ItemsFetched, "item", "items")}* read: {Sources(h.BySource)}\n" +
                       $"*{h.NewThemes} new* and *{h.RisingThemes} rising* of {Plural(h.Themes, "theme", "themes")} · " +
                       $"tickets: *{h.TicketsCreated} created*, *{h.TicketsUpdated} updated*{HeldCount(h)}";

        var body = new List<JsonObject> { Section(headline), Divider(), Section("*Top themes*") };
        if (model.TopThemes.Count == 0) body.Add(Context("No themes this run."));
        var shownThemes = model.TopThemes.Take(MaxThemeSections).ToList();
        body.AddRange(shownThemes.Select(t => Section(Pack(ThemeLines(t)))));
        var moreThemes = model.OtherThemes + model.TopThemes.Count - shownThemes.Count;
        if (moreThemes > 0) body.Add(Context($"…and {Plural(moreThemes, "more theme", "more themes")} in digest.html"));

        body.Add(Divider());
        body.Add(Section(Pack(["*Small fixes*", .. model.SmallFixes.Count == 0 ? ["None this run."]
            : model.SmallFixes.Select(f => $"• *{Slack(f.Title)}*{(f.SmallFixReason is null ? "" : " — " + Slack(f.SmallFixReason))}{TicketSuffix(f)}"
                + (DispatchNote(f) is { } note ? " · " + Slack(note) : ""))])));

        body.Add(Divider());
        body.Add(Section(model.Goals.Count == 0 ? "*Goal board*\nNo eight-week goals are set." : "*Goal board*"));
        foreach (var goal in model.Goals)
        {
            body.Add(Section(Pack([
                $"*{Slack(goal.Goal.Title)}* · {goal.Progress} · " + (goal.Themes.Count == 0 ? "no feedback yet"
                    : Slack(GoalVolume(goal, "in")) + (TicketProgress(goal) is { } progress ? $" · {Slack(progress)}" : "")),
                .. goal.Themes.Select(t => $"• {Slack(Brief(t.Title))} — {Plural(t.ItemCount, "item", "items")}, {t.Trend}{TicketSuffix(t)}"),
            ])));
        }
        body.Add(Section(Pack(["*Hot themes no goal covers*", .. model.UncoveredHotThemes.Count == 0 ? ["None."]
            : model.UncoveredHotThemes.Select(t => $"• *{Slack(Brief(t.Title))}* — {Plural(t.ItemCount, "item", "items")}, {t.Trend}{TicketSuffix(t)}")])));

        var footer = Context($"Noise share {Percent(h.NoiseShare)} ({Plural(h.NoiseItems, "item", "items")}) · run {Slack(model.RunId)}");

        // Header and footer always go out; the body is cut at the block limit with a note.
        var blocks = new JsonArray { Header($"TriageBot digest · {date}") };
        var room = MaxBlocks - 2;
        if (body.Count > room)
        {
            var left = body.Count - (room - 1);
            body = [.. body.Take(room - 1), Context($"…{Plural(left, "more section", "more sections")} in digest.html")];
        }
        foreach (var block in body) blocks.Add(block);
        blocks.Add(footer);

        return new SlackDigest(FallbackText(model, date), blocks);
    }

    private static List<string> ThemeLines(DigestTheme theme)
    {
        var title = $"*{Slack(Brief(theme.Title))}*";
        if (theme.Ticket is { } ticket) title = $"{LinkOrLabel(ticket.Identifier, ticket.Url)} {title}";
        var meta = $"_{theme.Trend}_ · {Plural(theme.ItemCount, "item", "items")} ({Sources(theme.BySource, ", ")})";
        if (theme.Priority != TicketPriority.None) meta += $" · priority {theme.Priority}";
        if (theme.GoalTitle is not null) meta += $" · goal: {Slack(theme.GoalTitle)}";
        if (theme.HeldBeside is not null) meta += TicketSuffix(theme);
        var lines = new List<string> { title, meta };
        if (theme.Summary.Length > 0) lines.Add(Slack(theme.Summary));
        lines.AddRange(theme.Quotes.Select(q => $">“{Slack(q.Text)}” — {LinkOrLabel(q.SourceLabel, q.Url)}"));
        return lines;
    }

    private static string FallbackText(DigestModel model, string date)
    {
        var h = model.Headline;
        var lines = new List<string>
        {
            $"TriageBot digest {date}: {Plural(h.ItemsFetched, "item", "items")} read ({Sources(h.BySource, ", ")}); " +
            $"{h.NewThemes} new, {h.RisingThemes} rising of {Plural(h.Themes, "theme", "themes")}; tickets {h.TicketsCreated} created, {h.TicketsUpdated} updated.",
        };
        lines.AddRange(model.TopThemes.Select(t => $"• {Slack(Brief(t.Title))} ({Plural(t.ItemCount, "item", "items")}, {t.Trend})"));
        return Pack(lines, MaxTextChars);
    }

    /// <summary>Joins whole lines up to <paramref name="max"/> characters; what does not fit is counted, never cut mid-markup.</summary>
    internal static string Pack(IReadOnlyList<string> lines, int max = MaxSectionChars)
    {
        const int reserve = 40;
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var last = i == lines.Count - 1;
            var budget = max - (last ? 0 : reserve);
            if (sb.Length + 1 + line.Length > budget)
            {
                if (sb.Length == 0) line = DigestBuilder.Shorten(line, Math.Max(1, budget - 1));  // a single huge line: cut it
                else
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\n…and {lines.Count - i} more");
                    return sb.ToString();
                }
            }
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(line);
        }
        return sb.ToString();
    }

    private static string Brief(string text) => DigestBuilder.Shorten(text, 140);

    private static string TicketSuffix(DigestTheme theme) => TicketOrHeld(theme, text => Slack(Brief(text)), LinkOrLabel);

    private static string LinkOrLabel(string label, string url) =>
        SafeUrl(url) is { } safe ? $"<{safe}|{Slack(label)}>" : Slack(label);

    private static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = DigestBuilder.Shorten(text, MaxHeaderChars), ["emoji"] = true },
    };

    private static JsonObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn.Length <= MaxSectionChars ? mrkdwn : Pack(mrkdwn.Split('\n')) },
    };

    private static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = DigestBuilder.Shorten(mrkdwn, MaxSectionChars) } },
    };

    private static JsonObject Divider() => new() { ["type"] = "divider" };
}
