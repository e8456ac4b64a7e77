using System.Globalization;
using System.Text;
using TriageBot.Domain;
using static TriageBot.Reports.DigestText;

namespace TriageBot.Reports;

/// <summary>digest.md: the digest as Markdown, every piece of feedback-derived text escaped.</summary>
public static class MarkdownDigestRenderer
{
    public static string Render(DigestModel model)
    {
        var md = new StringBuilder();
        var h = model.Headline;
        md.Append(CultureInfo.InvariantCulture, $"# TriageBot digest — {model.Date.UtcDateTime:dddd d MMMM yyyy}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{Plural(h.ItemsFetched, "item", "items")}** read: {Sources(h.BySource)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- **{h.NewThemes} new** and **{h.RisingThemes} rising** of {Plural(h.Themes, "theme", "themes")}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Tickets: **{h.TicketsCreated} created**, **{h.TicketsUpdated} updated**{HeldCount(h)}\n");
        md.Append(CultureInfo.InvariantCulture, $"- Noise: {Plural(h.NoiseItems, "item", "items")} ({Percent(h.NoiseShare)})\n\n");

        md.Append("## Top themes\n\n");
        if (model.TopThemes.Count == 0) md.Append("No themes this run.\n\n");
        var rank = 0;
        foreach (var theme in model.TopThemes)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {++rank}. {Markdown(theme.Title)}{TicketSuffix(theme)}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"*{theme.Trend}* · {Plural(theme.ItemCount, "item", "items")} ({Sources(theme.BySource, ", ")})");
            if (theme.Priority != TicketPriority.None) md.Append(CultureInfo.InvariantCulture, $" · priority {theme.Priority}");
            if (theme.GoalTitle is not null) md.Append(CultureInfo.InvariantCulture, $" · goal: {Markdown(theme.GoalTitle)}");
            md.Append("\n\n");
            if (theme.Summary.Length > 0) md.Append(Markdown(theme.Summary)).Append("\n\n");
            foreach (var quote in theme.Quotes)
                md.Append(CultureInfo.InvariantCulture, $"> “{Markdown(PageText(quote.Text))}” — {Link(quote.SourceLabel, quote.Url)}\n>\n");
            if (theme.Quotes.Count > 0) md.Length -= 2;
            md.Append('\n');
        }
        if (model.OtherThemes > 0) md.Append(CultureInfo.InvariantCulture, $"…and {Plural(model.OtherThemes, "more theme", "more themes")} in report.json.\n\n");

        md.Append("## Small fixes\n\n");
        if (model.SmallFixes.Count == 0) md.Append("None this run.\n\n");
        else
        {
            foreach (var fix in model.SmallFixes)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **{Markdown(fix.Title)}**");
                if (fix.SmallFixReason is not null) md.Append(" — ").Append(Markdown(fix.SmallFixReason));
                md.Append(TicketSuffix(fix));
                if (DispatchNote(fix) is { } note) md.Append(" · ").Append(Markdown(note));
                md.Append('\n');
            }
            md.Append('\n');
        }

        md.Append("## Goal board\n\n");
        if (model.Goals.Count == 0) md.Append("No eight-week goals are set (configuration section `Goals`).\n\n");
        foreach (var goal in model.Goals)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {Markdown(goal.Goal.Title)} ({Markdown(goal.Goal.Id)}) · {goal.Progress}\n\n");
            md.Append(GoalBody(goal));
        }
        md.Append("### Hot themes no goal covers\n\n");
        if (model.UncoveredHotThemes.Count == 0) md.Append("None.\n\n");
        else
        {
            foreach (var theme in model.UncoveredHotThemes)
                md.Append(CultureInfo.InvariantCulture, $"- **{Markdown(theme.Title)}** — {Plural(theme.ItemCount, "item", "items")}, {theme.Trend}{TicketSuffix(theme)}\n");
            md.Append('\n');
        }

        md.Append("---\n\n");
        md.Append(CultureInfo.InvariantCulture,
            $"Noise share {Percent(h.NoiseShare)} ({Plural(h.NoiseItems, "item", "items")} judged not actionable). Run `{model.RunId}`, {model.Date.UtcDateTime:yyyy-MM-dd HH:mm} UTC.\n");
        return md.ToString();
    }

    /// <summary>One goal's part of the board below its heading: its feedback volume and its themes with their tickets.</summary>
    public static string GoalBody(DigestGoal goal)
    {
        var md = new StringBuilder();
        md.Append(goal.Themes.Count == 0 ? "No feedback about this goal yet.\n\n"
            : GoalVolume(goal) + (TicketProgress(goal) is { } progress ? $"; {progress}" : "") + ".\n\n");
        foreach (var theme in goal.Themes)
            md.Append(CultureInfo.InvariantCulture, $"- {Markdown(theme.Title)} — {Plural(theme.ItemCount, "item", "items")}, {theme.Trend}{TicketSuffix(theme)}\n");
        if (goal.Themes.Count > 0) md.Append('\n');
        return md.ToString();
    }

    private static string TicketSuffix(DigestTheme theme) => TicketOrHeld(theme, Markdown, Link);

    private static string Link(string label, string url) =>
        SafeUrl(url) is { } safe ? $"[{Markdown(label)}]({safe})" : Markdown(label);
}
