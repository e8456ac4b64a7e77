using Microsoft.Extensions.Time.Testing;
using TriageBot.Clustering;

namespace TriageBot.Tests.Clustering;

public sealed class StepClockTests
{
    [Fact]
    public void Each_step_lasts_from_the_previous_mark_on_the_runs_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var clock = new StepClock(time);

        time.Advance(TimeSpan.FromSeconds(9.6));
        clock.Mark("features");
        time.Advance(TimeSpan.FromMilliseconds(570));
        clock.Mark("actionability");
        clock.Mark("nothing");

        Assert.Equal([("features", TimeSpan.FromSeconds(9.6)), ("actionability", TimeSpan.FromMilliseconds(570)), ("nothing", TimeSpan.Zero)], clock.Steps);
        Assert.Equal("features 9.60 s, actionability 0.57 s, nothing 0.00 s", clock.ToString());
    }
}
