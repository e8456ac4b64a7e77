using System.Globalization;
using TriageBot.Evaluation;

/// <summary>
/// What `scenario FILES` ends with: the mean of each metric over the files, and per product (the file name before its
/// first '-') the same means and how many scenarios meet each clustering goal of SCORING.md (<see cref="ScenarioScore.Failures"/>).
/// </summary>
internal sealed class ScenarioTally
{
    // The goals the clustering alone decides; small-fix and goal accuracy are the agent's.
    private static readonly string[] ClusteringGoals =
        ["theme_recall < 0.95", "ticket_purity < 0.95", "duplicate_tickets > 0", "noise_filed_rate > 0.02", "items_missing > 0"];

    private readonly List<(string Product, ScenarioScore Score)> _scores = [];

    public void Add(string file, ScenarioScore score) => _scores.Add((Path.GetFileName(file).Split('-')[0], score));

    public void Print()
    {
        if (_scores.Count == 0) return;
        Console.WriteLine($"mean over {_scores.Count} files: {Means(_scores.Select(x => x.Score).ToList())}");
        foreach (var product in _scores.GroupBy(x => x.Product).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"product {product.Key} ({product.Count()}): {Means(product.Select(x => x.Score).ToList())}");
            Console.WriteLine(GoalsMet(product.Key, product.Select(x => x.Score).ToList()));
        }
        Console.WriteLine(GoalsMet("all", _scores.Select(x => x.Score).ToList()));
    }

    private static string GoalsMet(string name, List<ScenarioScore> scores)
    {
        var missed = scores.Select(s => s.Failures()).ToList();
        int Meeting(string goal) => missed.Count(f => !f.Contains(goal));
        return $"goals per scenario, {name} ({missed.Count}): 0 duplicates {Meeting(ClusteringGoals[2])}, purity {Meeting(ClusteringGoals[1])}, " +
            $"recall {Meeting(ClusteringGoals[0])}, all clustering goals {missed.Count(f => !f.Intersect(ClusteringGoals).Any())}, duplicates in all {scores.Sum(s => s.DuplicateTickets)}";
    }

    private static string Means(List<ScenarioScore> all) => string.Create(CultureInfo.InvariantCulture,
        $"recall {all.Average(s => s.ThemeRecall):0.000} purity {all.Average(s => s.TicketPurity):0.000} " +
        $"dup {all.Average(s => s.DuplicateTickets):0.00} noiseFiled {all.Average(s => s.NoiseFiledRate):0.000} (max {all.Max(s => s.NoiseFiledRate):0.000}) nmi {all.Average(s => s.Nmi):0.000}");
}
