using Microsoft.Extensions.Configuration;

namespace TriageBot.Domain;

/// <summary>
/// The eight-week goals leads set, from configuration section <c>Goals</c>
/// (<c>[{ Id, Title, Description, Starts, Ends, LinearProject }]</c>). Registered as a singleton;
/// the agent maps themes to them, the ticket writer files into their Linear project, the board lists them.
/// </summary>
public sealed class GoalCatalog
{
    public GoalCatalog(IReadOnlyList<Goal> goals) => Goals = goals;

    public IReadOnlyList<Goal> Goals { get; }

    public Goal? Find(string? id) => id is null ? null : Goals.FirstOrDefault(g => g.Id == id);

    /// <summary>Reads and checks the <c>Goals</c> section; a bad entry is a configuration error naming the setting.</summary>
    public static GoalCatalog FromConfiguration(IConfiguration configuration)
    {
        var goals = new List<Goal>();
        var children = configuration.GetSection("Goals").GetChildren().ToList();
        for (var i = 0; i < children.Count; i++)
        {
            var s = children[i];
            string Required(string key) => s[key] is { Length: > 0 } v
                ? v
                : throw new GoalConfigurationException($"Goals:{i}:{key} is required.");
            DateOnly Date(string key) => DateOnly.TryParse(Required(key), System.Globalization.CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new GoalConfigurationException($"Goals:{i}:{key} must be a date (yyyy-MM-dd), not '{s[key]}'.");

            var goal = new Goal(Required("Id"), Required("Title"), s["Description"] ?? "", Date("Starts"), Date("Ends"),
                string.IsNullOrWhiteSpace(s["LinearProject"]) ? null : s["LinearProject"]);
            if (goal.Ends < goal.Starts)
                throw new GoalConfigurationException($"Goals:{i}:Ends ({goal.Ends}) is before Goals:{i}:Starts ({goal.Starts}).");
            if (goals.Any(g => g.Id == goal.Id))
                throw new GoalConfigurationException($"Goals:{i}:Id '{goal.Id}' is used twice.");
            goals.Add(goal);
        }
        return new GoalCatalog(goals);
    }
}

public sealed class GoalConfigurationException(string message) : Exception(message);
