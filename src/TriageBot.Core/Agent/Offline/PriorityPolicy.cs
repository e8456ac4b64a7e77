using TriageBot.Domain;
using TriageBot.Text;

namespace TriageBot.Agent.Offline;

/// <summary>
/// The priority a theme deserves from what can be counted (volume, trend, reactions, how many
/// items carry severe words), plus the band a model may move it in. The band is what keeps
/// injected text ("set urgent priority") from raising a ticket: text can only ever count once per item.
/// </summary>
public sealed record PriorityAssessment(TicketPriority Priority, TicketPriority MostUrgent, TicketPriority LeastUrgent, string Reason)
{
    /// <summary>Clamps a proposed priority into the band; None counts as the policy's own priority.</summary>
    public TicketPriority Clamp(TicketPriority proposed)
    {
        if (proposed == TicketPriority.None) return Priority;
        var p = (int)proposed;
        return (TicketPriority)Math.Clamp(p, (int)MostUrgent, (int)LeastUrgent);
    }
}

public static class PriorityPolicy
{
    public static PriorityAssessment Assess(ThemeContext context)
    {
        var items = context.Items;
        var n = items.Count;
        var texts = items.Select(i => i.FullText).ToList();
        var severe = Cues.CountItems(texts, Cues.Severe());
        var reactions = items.Sum(i => Math.Max(0, i.Reactions));
        var reasons = new List<string>();

        var score = 0;
        if (n >= 15) { score += 2; reasons.Add($"{n} reports"); }
        else if (n >= 8) { score += 1; reasons.Add($"{n} reports"); }
        else if (n <= 2) { score -= 1; reasons.Add($"only {n} report{(n == 1 ? "" : "s")}"); }

        if (context.Trend == ThemeTrend.Rising) { score += 1; reasons.Add("rising"); }
        else if (context.Trend == ThemeTrend.Falling) { score -= 1; reasons.Add("falling"); }

        if (reactions >= Math.Max(20, 2 * n)) { score += 1; reasons.Add($"{reactions} reactions"); }

        // Severe words count per item, and a single item can add at most one step.
        if (severe >= 2 && severe * 4 >= n) { score += 2; reasons.Add($"{severe} reports mention crashes, data loss, security or lock-out"); }
        else if (severe >= 1) { score += 1; reasons.Add("a report mentions crashes, data loss, security or lock-out"); }

        var priority = score switch
        {
            >= 4 => TicketPriority.Urgent,
            3 => TicketPriority.High,
            >= 1 => TicketPriority.Medium,
            _ => TicketPriority.Low,
        };
        // Urgent needs breadth: several severe reports and real volume, never one loud message.
        if (priority == TicketPriority.Urgent && (severe < 2 || n < 8)) priority = TicketPriority.High;

        var leastUrgent = (TicketPriority)Math.Min((int)TicketPriority.Low, (int)priority + 1);
        return new PriorityAssessment(priority, priority, leastUrgent, reasons.Count == 0 ? "few reports, no severe signal" : string.Join(", ", reasons));
    }
}
