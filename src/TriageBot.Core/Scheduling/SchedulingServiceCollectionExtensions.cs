using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
using TriageBot.Storage;

namespace TriageBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with one cron-triggered job that runs the pipeline; used by <c>serve</c>. On the SQLite store the schedule is
    /// in memory (one node); on PostgreSQL it is in the shared database, clustered (<see cref="ClusteredJobStore"/>).
    /// Quartz takes the container's <see cref="TimeProvider"/> (it only adds the system clock when none is registered),
    /// so the daily trigger fires on the host's clock, which tests control.
    /// </summary>
    public static IServiceCollection AddTriageBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection("Schedule")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        var cron = configuration["Schedule:Cron"] ?? new ScheduleOptions().Cron;
        var storage = configuration.GetSection(StorageOptions.Section);
        var shared = string.Equals(storage[nameof(StorageOptions.Provider)], StorageOptions.PostgresProvider, StringComparison.OrdinalIgnoreCase);
        var checkin = configuration.GetSection("Schedule").Get<ScheduleOptions>()?.ClusterCheckin ?? new ScheduleOptions().ClusterCheckin;
        services.AddQuartz(q =>
        {
            // A missing or bad connection string is reported by the store's validator at start-up, by name; Quartz starts after it.
            if (shared) ClusteredJobStore.Use(q, storage[nameof(StorageOptions.ConnectionString)] ?? "", checkin);
            q.AddJob<TriageRunJob>(j => j.WithIdentity(TriageRunJob.Key).RequestRecovery(shared));
            q.AddTrigger(t => t.ForJob(TriageRunJob.Key).WithIdentity("daily")
                // An invalid expression is reported by ScheduleOptionsValidator at start-up, by name.
                .WithCronSchedule(ScheduleOptionsValidator.IsValidCron(cron) ? cron : new ScheduleOptions().Cron,
                    c => c.InTimeZone(TimeZoneInfo.Utc)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
