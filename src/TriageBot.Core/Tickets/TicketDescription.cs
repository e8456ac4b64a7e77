using System.Text;
using System.Text.RegularExpressions;
using TriageBot.Agent;
using TriageBot.Agent.Text;
using TriageBot.Domain;

namespace TriageBot.Tickets;

/// <summary>
/// The markdown of a ticket and its update comments: what users hit, how often and where, quotes
/// with links, the goal, the small-fix call, and a footer marker that lets a crashed run find the
/// ticket it created. Feedback text is quoted, flattened to one line and stripped of markup that
/// could mention people or fake links.
/// </summary>
public static partial class TicketDescription
{
    public static string MarkerFor(string intentKey) => "triagebot-ref-" + intentKey;

    public static string Build(ThemeContext context, ThemeDraft draft, int quotes, string intentKey, LinearIssueRefText? regressionOf)
    {
        var items = context.Items;
        var sb = new StringBuilder();
        if (regressionOf is not null)
        {
            sb.Append("**Regression:** this came back after ").Append(regressionOf.Identifier)
              .Append(" (").Append(regressionOf.Url).Append(") was closed as ").Append(regressionOf.State).Append(".\n\n");
        }
        sb.Append(draft.Summary.Trim()).Append("\n\n");

        var bySource = items.GroupBy(i => i.Source).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ThemeText.SourceLabel(g.Key, g.Count())}");
        sb.Append("**Reports:** ").Append(items.Count).Append(" (").Append(string.Join(", ", bySource)).Append(')');
        if (items.Count > 0)
        {
            sb.Append(", first ").Append(items.Min(i => i.CreatedAt).ToString("yyyy-MM-dd"))
              .Append(", latest ").Append(items.Max(i => i.CreatedAt).ToString("yyyy-MM-dd"));
        }
        var reactions = items.Sum(i => i.Reactions);
        if (reactions > 0) sb.Append(", ").Append(reactions).Append(" reactions");
        sb.Append(".\n");

        var goal = context.Goals.FirstOrDefault(g => g.Id == draft.GoalId);
        if (goal is not null) sb.Append("**Goal:** ").Append(goal.Title).Append(" (").Append(goal.Id).Append(").\n");
        sb.Append("**Small fix:** ").Append(draft.SmallFix ? "yes" + (draft.SmallFixReason is { } r ? $" ({r})" : "") : "no").Append(".\n");

        var picked = new ThemeText(items).RepresentativeSentences(Math.Clamp(quotes, 3, 5));
        if (picked.Count > 0)
        {
            sb.Append("\n### What users say\n");
            foreach (var q in picked)
            {
                sb.Append("> ").Append(Quote(q.Text)).Append('\n')
                  .Append("> — [").Append(EvidenceLinks.Title(q.Item).Split(':')[0]).Append("](").Append(q.Item.Url).Append(")\n\n");
            }
        }

        sb.Append("### Evidence\n");
        foreach (var link in EvidenceLinks.For(items).Take(40))
        {
            sb.Append("- [").Append(Quote(link.Title)).Append("](").Append(link.Url).Append(")\n");
        }
        if (items.Count > 40) sb.Append("- … and ").Append(items.Count - 40).Append(" more in the attachments\n");

        sb.Append("\n---\n_Filed by TriageBot (").Append(draft.Author).Append(") for theme `").Append(context.Theme.Id)
          .Append("`. ").Append(MarkerFor(intentKey)).Append("_\n");
        return sb.ToString();
    }

    /// <summary>The comment on a ticket whose theme a person merged into the theme <paramref name="survivor"/> tracks.</summary>
    public static string DuplicateComment(TicketRef survivor, int shared, int evidence) =>
        $"**Duplicate of [{survivor.Identifier}]({survivor.Url}).** A person merged this ticket's theme into the one " +
        $"{survivor.Identifier} tracks ({shared} of the {evidence} reports linked here are in it now), so new evidence goes there. " +
        "This ticket stays open until a person closes it.\n\n_TriageBot_";

    /// <summary>The one comment a ticket gets when its theme grew noticeably.</summary>
    public static string GrowthComment(IReadOnlyList<FeedbackItem> newItems, int total)
    {
        var sb = new StringBuilder();
        var bySource = newItems.GroupBy(i => i.Source).OrderBy(g => g.Key).Select(g => $"{g.Count()} {ThemeText.SourceLabel(g.Key, g.Count())}");
        sb.Append("**").Append(newItems.Count).Append(" new report").Append(newItems.Count == 1 ? "" : "s")
          .Append("** since the last update (").Append(string.Join(", ", bySource)).Append("); ")
          .Append(total).Append(" in total. The new evidence is attached.\n\n");
        foreach (var q in new ThemeText(newItems).RepresentativeSentences(3))
        {
            sb.Append("> ").Append(Quote(q.Text)).Append("\n> — [").Append(EvidenceLinks.Title(q.Item).Split(':')[0]).Append("](").Append(q.Item.Url).Append(")\n\n");
        }
        sb.Append("_TriageBot_");
        return sb.ToString();
    }

    /// <summary>Flattened, length-capped quote text that cannot mention, link or break out of the block quote.</summary>
    public static string Quote(string text)
    {
        var s = Whitespace().Replace(text, " ").Trim();
        s = s.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal).Replace("@", "@\u200b", StringComparison.Ordinal);
        return FeedbackText.Shorten(s, 280);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>The old ticket a regression points back to.</summary>
public sealed record LinearIssueRefText(string Identifier, string Url, string State);
