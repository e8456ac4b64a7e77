using TriageBot.Evaluation;

namespace TriageBot.Tests.Evaluation;

public class ClusteringMetricsTests
{
    [Fact]
    public void Identical_labelings_up_to_renaming_score_one()
    {
        string[] truth = ["a", "a", "b", "b", "c"];
        int[] predicted = [7, 7, 3, 3, 9];
        var s = ClusteringMetrics.Score(truth, predicted);
        Assert.Equal(1.0, s.Nmi, 12);
        Assert.Equal(1.0, s.Ari, 12);
        Assert.Equal(1.0, s.VMeasure, 12);
        Assert.Equal(1.0, s.Accuracy, 12);
    }

    [Fact]
    public void Matches_scikit_learn_on_a_small_example()
    {
        // sklearn 1.2: adjusted_rand_score / normalized_mutual_info_score / v_measure_score
        // of [0,0,0,1,1,1] against [0,0,1,1,2,2].
        int[] truth = [0, 0, 0, 1, 1, 1];
        int[] predicted = [0, 0, 1, 1, 2, 2];
        var s = ClusteringMetrics.Score(truth, predicted);
        Assert.Equal(0.24242424242424246, s.Ari, 12);
        Assert.Equal(0.5158037429793889, s.Nmi, 12);
        Assert.Equal(s.Nmi, s.VMeasure, 12);
    }

    [Fact]
    public void Hungarian_accuracy_matches_each_label_to_one_cluster()
    {
        // Best one-to-one matching: a->1 (2 items), b->2 (1), c->3 (1): 4 of 5.
        string[] truth = ["a", "a", "b", "b", "c"];
        int[] predicted = [1, 1, 2, 3, 3];
        Assert.Equal(0.8, ClusteringMetrics.HungarianAccuracy(truth, predicted), 12);
        // More clusters than labels: only one cluster per label counts.
        Assert.Equal(0.5, ClusteringMetrics.HungarianAccuracy(["x", "x", "x", "x"], [1, 1, 2, 3]), 12);
    }

    [Fact]
    public void Hungarian_algorithm_finds_the_minimum_cost_assignment()
    {
        var cost = new double[,] { { 4, 1, 3 }, { 2, 0, 5 }, { 3, 2, 2 } };
        var assignment = HungarianAlgorithm.Solve(cost);
        Assert.Equal([1, 0, 2], assignment);
    }

    [Fact]
    public void Independent_labelings_have_zero_information()
    {
        int[] truth = [0, 0, 1, 1];
        int[] predicted = [0, 1, 0, 1];
        var s = ClusteringMetrics.Score(truth, predicted);
        Assert.Equal(0.0, s.Nmi, 12);
        Assert.True(s.Ari < 0);
    }
}
