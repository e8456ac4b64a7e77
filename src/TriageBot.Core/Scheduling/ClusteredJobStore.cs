using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace TriageBot.Scheduling;

/// <summary>
/// Quartz's job store in the PostgreSQL database the nodes share, clustered: every node schedules the same daily
/// trigger, and the database decides which node fires it, so one run starts per firing instead of every node firing
/// and all but one skipping. A node that stops checking in is taken for dead after twice
/// <see cref="ScheduleOptions.ClusterCheckin"/>; a run it was in the middle of is run again by another node (the job
/// asks for recovery; a repeated run files no ticket or evidence link twice). The run lock stays: it keeps a run started
/// by hand apart from a scheduled one.
/// </summary>
internal static class ClusteredJobStore
{
    /// <summary>The scheduler's name in Quartz's tables: every node of one deployment uses it, which is what makes them a cluster.</summary>
    public const string SchedulerName = "triagebot";

    /// <param name="connectionString">The store's Npgsql connection string (its search path, if any, holds Quartz's tables too).</param>
    /// <param name="checkin">How often a node tells the others it is alive.</param>
    public static void Use(IQuartzBuilder quartz, string connectionString, TimeSpan checkin)
    {
        // Every node gets an id of its own (host name and start time, readable in qrtz_scheduler_state); the scheduler's
        // name, the same on every node, is what makes them one cluster.
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = SchedulerName;
            scheduler.GenerateInstanceId = true;
        });
        // Every node stores the trigger again when it starts (so a changed Schedule:Cron takes effect). Replacing it must
        // not move its next firing back: a trigger another node has already fired would fire a second time.
        quartz.Services.Configure<QuartzOptions>(options => options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            // Quartz creates its own tables (qrtz_*) when they are missing, so they follow Quartz's version rather than our
            // migrations (it never adds a column to a table that exists: an upgrade that changes them says so at start-up).
            // Nodes that start together are what ClusteredJobStoreTests starts.
            store.ProvisionSchema();
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = checkin;
                cluster.CheckinMisfireThreshold = checkin * 2;
            });
            store.UseSystemTextJsonSerializer();
        });
    }
}
