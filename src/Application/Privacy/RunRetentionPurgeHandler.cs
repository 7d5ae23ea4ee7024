using Marten;
using MonBureau.Application.Attendance;
using MonBureau.Application.Auditing;
using MonBureau.Application.Messaging;
using MonBureau.Application.Discipline;
using MonBureau.Application.Homework;
using MonBureau.Application.LessonLog;
using MonBureau.Application.Establishments;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

/// <param name="DryRun">Only count what is due; change nothing.</param>
public sealed record RunRetentionPurge(bool DryRun);

public sealed record PurgeReport(bool DryRun, IReadOnlyDictionary<RetentionCategory, long> Due);

/// <summary>
/// Erases what is past retention, category by category, and records per category how many and the cut-off — never
/// what. Idempotent and resumable: each category's purge finds only what is still due, so a run interrupted midway
/// (after keys were destroyed, say) is completed by the next one, and destroying a key twice changes nothing.
/// </summary>
public static class RunRetentionPurgeHandler
{
    private static readonly Guid PurgeStream = SystemActorIds.For("retention-purge");

    public static async Task<PurgeReport> Handle(
        RunRetentionPurge command, IDocumentSession session, SubjectKeyRing keys, AccessHistoryPurge accessHistory, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(accessHistory);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.PrivacyOfficer or Role.System))
            throw BusinessRuleException.Forbidden();

        var now = clock.GetUtcNow();
        var due = new Dictionary<RetentionCategory, long>();

        async Task PurgeAsync(RetentionCategory category, DateTimeOffset cutoff, Func<Task<long>> purge)
        {
            var count = await purge();
            due[category] = due.GetValueOrDefault(category) + count;
            if (!command.DryRun && count > 0)
                session.Events.Append(PurgeStream, new RetentionPurgeCompleted(category, (int)Math.Min(count, int.MaxValue), cutoff, 0));
        }

        var accountCutoff = now - RetentionRegistry.Rule(RetentionCategory.AccountData).Duration!.Value;
        await PurgeAsync(RetentionCategory.AccountData, accountCutoff, async () =>
        {
            var closed = await session.Query<Account>().Where(a => a.Status == AccountStatus.Closed).ToListAsync(cancellationToken);
            var accounts = RetentionPurge.AccountsDue(closed.Select(a => new ClosedAccount(a.PersonId, a.ClosedAt ?? now)), now);
            // A person whose official records are still kept keeps their key until the last of them expires.
            var today = EstablishmentClock.Today(clock, null);
            var free = new List<Guid>();
            foreach (var personId in accounts)
            {
                if (ErasureDecisions.Binding(await OfficialRecords.OfAsync(session, personId, cancellationToken), today).Count == 0)
                    free.Add(personId);
            }

            if (!command.DryRun)
            {
                foreach (var personId in free)
                    await Forgetting.ForgetAsync(session, keys, personId, ErasureGround.RetentionPeriodExpired, now, cancellationToken);
            }

            return free.Count;
        });
        await PurgeAsync(RetentionCategory.Sanctions, now, async () => await SanctionPurge.RunAsync(session, clock, command.DryRun, cancellationToken));
        await PurgeAsync(RetentionCategory.SchoolLifeData, now, async () => await SanctionPurge.RunForPunishmentsAsync(session, clock, command.DryRun, cancellationToken));
        await PurgeAsync(RetentionCategory.SchoolLifeData, now, async () => await AttendancePurge.RunAsync(session, clock, command.DryRun, cancellationToken));
        await PurgeAsync(RetentionCategory.Homework, now, async () => await HomeworkPurge.RunAsync(session, clock, command.DryRun, cancellationToken));
        await PurgeAsync(RetentionCategory.LessonLog, now, async () => await LessonLogPurge.RunAsync(session, clock, command.DryRun, cancellationToken));
        var messageCutoff = now - RetentionRegistry.Rule(RetentionCategory.Messages).Duration!.Value;
        await PurgeAsync(RetentionCategory.Messages, messageCutoff, async () => await MessagePurge.RunAsync(session, clock, command.DryRun, cancellationToken));
        var accessCutoff = now - RetentionRegistry.Rule(RetentionCategory.AccessHistory).Duration!.Value;
        await PurgeAsync(RetentionCategory.AccessHistory, accessCutoff,
            async () => (await accessHistory.RunAsync(session, accessCutoff, command.DryRun, cancellationToken))?.Rows ?? 0);

        return new PurgeReport(command.DryRun, due);
    }
}
