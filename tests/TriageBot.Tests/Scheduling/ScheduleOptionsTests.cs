using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Scheduling;

namespace TriageBot.Tests.Scheduling;

/// <summary>A bad schedule is refused at start-up with a message that names the setting.</summary>
public sealed class ScheduleOptionsTests
{
    [Theory]
    [InlineData("Schedule:Cron", "every morning", "Schedule:Cron")]
    [InlineData("Schedule:ClusterCheckin", "00:00:00.200", "ClusterCheckin")]
    [InlineData("Schedule:ClusterCheckin", "01:00:00", "ClusterCheckin")]
    public void A_bad_setting_is_refused_by_name(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_and_a_checkin_in_range_are_accepted()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), Resolve([]).ClusterCheckin);
        Assert.Equal(TimeSpan.FromSeconds(5), Resolve(new() { ["Schedule:ClusterCheckin"] = "00:00:05" }).ClusterCheckin);
    }

    private static ScheduleOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddTriageBotScheduling(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ScheduleOptions>>().Value;
    }
}
