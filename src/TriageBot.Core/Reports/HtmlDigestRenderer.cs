using System.Globalization;
using System.Text;
using TriageBot.Domain;
using static TriageBot.Reports.DigestText;

namespace TriageBot.Reports;

/// <summary>
/// digest.html: a standalone page (inline CSS, no scripts, no external resources) readable on a phone.
/// Built element by element with HTML encoding rather than from Markdown, so no feedback text can become markup.
/// </summary>
public static class HtmlDigestRenderer
{
    private const string Css = """
        :root{color-scheme:light dark;--fg:#1d1f23;--muted:#5f6672;--bg:#f6f7f9;--card:#fff;--line:#e3e6ea;--accent:#4f46e5}
        @media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--muted:#a0a7b4;--bg:#15171b;--card:#1f2228;--line:#2f333b;--accent:#8b87ff}}
        *{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif}
        main{max-width:760px;margin:0 auto;padding:16px}h1{font-size:1.5rem;margin:.5rem 0 1rem}h2{font-size:1.2rem;margin:2rem 0 .75rem}
        h3{font-size:1.05rem;margin:0 0 .25rem}a{color:var(--accent);overflow-wrap:anywhere}
        .stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:8px}
        .stat,.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
        .stat b{display:block;font-size:1.4rem}.stat span,.meta,footer{color:var(--muted);font-size:.9rem}
        .card{margin:0 0 10px}.card p{margin:.4rem 0}.badge{display:inline-block;border-radius:999px;padding:0 8px;font-size:.8rem;background:var(--line)}
        .rising,.new{background:#fde68a;color:#5b4300}blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid var(--line);color:var(--muted);overflow-wrap:anywhere}
        ul{padding-left:1.2rem}li{margin:.25rem 0}footer{margin:2rem 0 1rem}
        """;

    public static string Render(DigestModel model)
    {
        var h = model.Headline;
        var html = new StringBuilder();
        var date = model.Date.UtcDateTime.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>TriageBot digest — {Html(date)}</title>\n<style>\n{Css}</style>\n</head>\n<body>\n<main>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>TriageBot digest — {Html(date)}</h1>\n<section class=\"stats\">\n");
        Stat(html, h.ItemsFetched, "items read", Sources(h.BySource));
        Stat(html, h.NewThemes, "new themes", $"{h.RisingThemes} rising, {h.Themes} in all");
        Stat(html, h.TicketsCreated, "tickets created", $"{h.TicketsUpdated} updated{HeldCount(h)}");
        Stat(html, h.NoiseItems, "noise", Percent(h.NoiseShare) + " of items");
        html.Append("</section>\n");

        html.Append("<h2>Top themes</h2>\n");
        if (model.TopThemes.Count == 0) html.Append("<p>No themes this run.</p>\n");
        foreach (var theme in model.TopThemes) ThemeCard(html, theme);
        if (model.OtherThemes > 0)
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">…and {Plural(model.OtherThemes, "more theme", "more themes")} in report.json.</p>\n");

        html.Append("<h2>Small fixes</h2>\n");
        if (model.SmallFixes.Count == 0) html.Append("<p>None this run.</p>\n");
        else
        {
            html.Append("<ul>\n");
            foreach (var fix in model.SmallFixes)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{Html(fix.Title)}</strong>");
                if (fix.SmallFixReason is not null) html.Append(" — ").Append(Html(fix.SmallFixReason));
                html.Append(TicketLink(fix));
                if (DispatchNote(fix) is { } note) html.Append(" · ").Append(Html(note));
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
        }

        html.Append("<h2>Goal board</h2>\n");
        if (model.Goals.Count == 0) html.Append("<p>No eight-week goals are set.</p>\n");
        foreach (var goal in model.Goals)
        {
            html.Append("<div class=\"card\">\n")
                .Append(CultureInfo.InvariantCulture, $"<h3>{Html(goal.Goal.Title)}</h3>\n<div class=\"meta\">{Html(goal.Progress)} · ")
                .Append(goal.Themes.Count == 0 ? "no feedback about this goal yet</div>\n"
                    : Html(GoalVolume(goal)) + (TicketProgress(goal) is { } progress ? $" · {Html(progress)}" : "") + "</div>\n");
            if (goal.Themes.Count > 0)
            {
                html.Append("<ul>\n");
                foreach (var theme in goal.Themes)
                    html.Append(CultureInfo.InvariantCulture, $"<li>{Html(theme.Title)} — {Plural(theme.ItemCount, "item", "items")}, {Html(theme.Trend)}{TicketLink(theme)}</li>\n");
                html.Append("</ul>\n");
            }
            html.Append("</div>\n");
        }
        html.Append("<h3>Hot themes no goal covers</h3>\n");
        if (model.UncoveredHotThemes.Count == 0) html.Append("<p>None.</p>\n");
        else
        {
            html.Append("<ul>\n");
            foreach (var theme in model.UncoveredHotThemes)
                html.Append(CultureInfo.InvariantCulture, $"<li><strong>{Html(theme.Title)}</strong> — {Plural(theme.ItemCount, "item", "items")}, {Html(theme.Trend)}{TicketLink(theme)}</li>\n");
            html.Append("</ul>\n");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<footer>Noise share {Percent(h.NoiseShare)} ({Plural(h.NoiseItems, "item", "items")} judged not actionable). Run {Html(model.RunId)}, {model.Date.UtcDateTime:yyyy-MM-dd HH:mm} UTC.</footer>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Stat(StringBuilder html, int value, string label, string detail) =>
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"stat\"><b>{value}</b>{Html(label)}<br><span>{Html(detail)}</span></div>\n");

    private static void ThemeCard(StringBuilder html, DigestTheme theme)
    {
        html.Append("<article class=\"card\">\n")
            .Append(CultureInfo.InvariantCulture, $"<h3>{Html(theme.Title)}</h3>\n<div class=\"meta\"><span class=\"badge {Html(theme.Trend)}\">{Html(theme.Trend)}</span> ")
            .Append(CultureInfo.InvariantCulture, $"{Plural(theme.ItemCount, "item", "items")} ({Html(Sources(theme.BySource, ", "))})");
        if (theme.Priority != TicketPriority.None) html.Append(CultureInfo.InvariantCulture, $" · priority {theme.Priority}");
        if (theme.GoalTitle is not null) html.Append(" · goal: ").Append(Html(theme.GoalTitle));
        html.Append(TicketLink(theme)).Append("</div>\n");
        if (theme.Summary.Length > 0) html.Append("<p>").Append(Html(theme.Summary)).Append("</p>\n");
        foreach (var quote in theme.Quotes)
        {
            html.Append("<blockquote>“").Append(Html(PageText(quote.Text))).Append("” — ").Append(Link(quote.SourceLabel, quote.Url)).Append("</blockquote>\n");
        }
        html.Append("</article>\n");
    }

    private static string TicketLink(DigestTheme theme) => TicketOrHeld(theme, Html, Link);

    private static string Link(string label, string url) =>
        SafeUrl(url) is { } safe ? $"<a href=\"{Html(safe)}\">{Html(label)}</a>" : Html(label);
}
