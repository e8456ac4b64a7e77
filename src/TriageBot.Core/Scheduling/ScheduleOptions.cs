using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Quartz;

namespace TriageBot.Scheduling;

/// <summary>Section <c>Schedule</c>: when the daily run happens and where it writes its report and digest.</summary>
public sealed class ScheduleOptions
{
    /// <summary>A Quartz cron expression (seconds first). Default: 07:00 UTC on weekdays, before PMs start.</summary>
    [Required] public string Cron { get; set; } = "0 0 7 ? * MON-FRI";

    [Required] public string OutDir { get; set; } = "out";

    /// <summary>
    /// On the PostgreSQL store, how often a node tells the others it is alive; one silent for twice this long is taken for
    /// dead, and a run it had started is run again by another node.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan ClusterCheckin { get; set; } = TimeSpan.FromSeconds(15);
}

internal sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options) =>
        IsValidCron(options.Cron)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Schedule:Cron '{options.Cron}' is not a valid Quartz cron expression (e.g. '0 0 7 ? * MON-FRI').");

    internal static bool IsValidCron(string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return false;
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
