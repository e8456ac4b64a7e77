using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace TriageBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz with one cron-triggered job that runs the pipeline; used by <c>serve</c>.</summary>
    public static IServiceCollection AddTriageBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection("Schedule")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        var cron = configuration["Schedule:Cron"] ?? new ScheduleOptions().Cron;
        services.AddQuartz(q =>
        {
            q.AddJob<TriageRunJob>(j => j.WithIdentity(TriageRunJob.Key));
            q.AddTrigger(t => t.ForJob(TriageRunJob.Key).WithIdentity("daily")
                // An invalid expression is reported by ScheduleOptionsValidator at start-up, by name.
                .WithCronSchedule(ScheduleOptionsValidator.IsValidCron(cron) ? cron : new ScheduleOptions().Cron,
                    c => c.InTimeZone(TimeZoneInfo.Utc)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
