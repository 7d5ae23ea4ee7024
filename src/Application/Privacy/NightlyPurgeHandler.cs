using Marten;
using Marten.Schema;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Privacy;
using Wolverine;

namespace MonBureau.Application.Privacy;

/// <param name="At">Local time of the establishments (Europe/Paris) the purge runs at.</param>
/// <param name="LongestWait">The longest the job sleeps, by the machine's clock, before it looks at the business clock again.</param>
public sealed record NightlyPurgeOptions(TimeOnly At, TimeSpan LongestWait)
{
    public static readonly NightlyPurgeOptions Default = new(NightlyPurge.DefaultTime, TimeSpan.FromHours(1));
}

/// <summary>The one nightly purge to come; a job whose <see cref="NextRunAt"/> is not this one's is a stale duplicate.</summary>
[UseOptimisticConcurrency]
public sealed class NightlyPurgeSchedule
{
    public const string DocumentId = "nightly-retention-purge";

    public string Id { get; set; } = DocumentId;

    public DateTimeOffset NextRunAt { get; set; }
}

/// <summary>Puts the nightly purge on the schedule if it is not there yet (every start; the first node wins).</summary>
public sealed record ScheduleNightlyPurge;

/// <summary>The nightly purge's turn, due at <paramref name="DueAt"/> by the business clock.</summary>
public sealed record RunNightlyPurge(DateTimeOffset DueAt);

/// <summary>
/// The retention purge as a durable Wolverine schedule: the schedule document and the scheduled job are written in one
/// transaction, each run plans the next one in its own transaction, and a host that was down overnight runs one
/// catch-up purge, not one per missed night. Purging is idempotent, so a job run twice changes nothing the second time.
/// </summary>
public static class NightlyPurgeHandler
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(Domain.Establishments.EstablishmentDecisions.DefaultTimeZone);

    public static async Task Handle(ScheduleNightlyPurge command, IDocumentSession session, IMessageContext messages, TimeProvider clock, NightlyPurgeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        if (await session.LoadAsync<NightlyPurgeSchedule>(NightlyPurgeSchedule.DocumentId, cancellationToken) is not null)
            return;
        var now = clock.GetUtcNow();
        var next = NightlyPurge.NextRun(now, options.At, Zone);
        session.Insert(new NightlyPurgeSchedule { NextRunAt = next });
        await messages.ScheduleAsync(new RunNightlyPurge(next), ScheduledJobs.DelayUntil(next, now, options.LongestWait));
    }

    public static async Task Handle(
        RunNightlyPurge job, IDocumentSession session, IMessageContext messages, SubjectKeyRing keys, AccessHistoryPurge accessHistory, EventChainSealer eventChain,
        TimeProvider clock, NightlyPurgeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        // A background job: the scope must cover the save, which is why this handler saves itself.
        using var acting = ActingContext.Begin(Actor.SystemJob("retention-purge"), $"nightly-purge/{job.DueAt:O}");
        var schedule = await session.LoadAsync<NightlyPurgeSchedule>(NightlyPurgeSchedule.DocumentId, cancellationToken);
        if (schedule?.NextRunAt != job.DueAt)
            return;
        var now = clock.GetUtcNow();
        if (now < job.DueAt)
        {
            await messages.ScheduleAsync(job, ScheduledJobs.DelayUntil(job.DueAt, now, options.LongestWait));
            return;
        }

        await RunRetentionPurgeHandler.Handle(new RunRetentionPurge(DryRun: false), session, keys, accessHistory, eventChain, clock, cancellationToken);
        schedule.NextRunAt = NightlyPurge.NextRun(now, options.At, Zone);
        session.Store(schedule);
        await messages.ScheduleAsync(new RunNightlyPurge(schedule.NextRunAt), ScheduledJobs.DelayUntil(schedule.NextRunAt, now, options.LongestWait));
        await session.SaveChangesAsync(cancellationToken);
    }
}
