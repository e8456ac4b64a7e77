using System.Globalization;

namespace TriageBot.Clustering;

/// <summary>
/// Seconds per step of one clustering run, read from the run's <see cref="TimeProvider"/>. The clusterer logs them at
/// Debug, so a slow run on a large backlog can be read without a profiler (`ClusteringBench scale … cluster` with
/// SCALE_STEPS=1 prints them).
/// </summary>
internal sealed class StepClock(TimeProvider time)
{
    private readonly List<(string Step, TimeSpan Took)> _steps = [];
    private long _last = time.GetTimestamp();

    /// <summary>Ends the step <paramref name="step"/> now; the next step starts here.</summary>
    public void Mark(string step)
    {
        var now = time.GetTimestamp();
        _steps.Add((step, time.GetElapsedTime(_last, now)));
        _last = now;
    }

    public IReadOnlyList<(string Step, TimeSpan Took)> Steps => _steps;

    public override string ToString() =>
        string.Join(", ", _steps.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Step} {s.Took.TotalSeconds:0.00} s")));
}
