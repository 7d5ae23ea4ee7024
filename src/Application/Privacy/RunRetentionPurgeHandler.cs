using Marten;
using MonBureau.Application.Attendance;
using MonBureau.Application.Auditing;
using MonBureau.Application.Messaging;
using MonBureau.Application.Forums;
using MonBureau.Application.Discipline;
using MonBureau.Application.Homework;
using MonBureau.Application.LessonLog;
using MonBureau.Application.Establishments;
using MonBureau.Application.Workspace;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Privacy;
using MonBureau.Domain.Workspace;

namespace MonBureau.Application.Privacy;

/// <param name="DryRun">Only count what is due; change nothing.</param>
public sealed record RunRetentionPurge(bool DryRun);

/// <param name="Due">How many records of each category were due (dry run) or erased.</param>
/// <param name="ByEstablishment">The non-zero counts per category and establishment; region-wide categories have no establishment.</param>
public sealed record PurgeReport(bool DryRun, IReadOnlyDictionary<RetentionCategory, long> Due, IReadOnlyList<PurgeCount> ByEstablishment);

/// <summary>One line of the purge report: a category in one establishment (its id and UAI), or region-wide when both are null.</summary>
public sealed record PurgeCount(RetentionCategory Category, Guid? EstablishmentId, string? Uai, long Count);

/// <summary>
/// Erases what is past retention, category by category, and records per category how many and the cut-off — never
/// what. Idempotent and resumable: each category's purge finds only what is still due, so a run interrupted midway
/// (after keys were destroyed, say) is completed by the next one, and destroying a key twice changes nothing.
/// </summary>
public static class RunRetentionPurgeHandler
{
    private static readonly Guid PurgeStream = SystemActorIds.For("retention-purge");

    public static async Task<PurgeReport> Handle(
        RunRetentionPurge command, IDocumentSession session, SubjectKeyRing keys, AccessHistoryPurge accessHistory, EventChainSealer eventChain, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(accessHistory);
        ArgumentNullException.ThrowIfNull(eventChain);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.PrivacyOfficer or Role.System))
            throw BusinessRuleException.Forbidden();

        var now = clock.GetUtcNow();
        var due = new Dictionary<RetentionCategory, long>();
        var byEstablishment = new Dictionary<(RetentionCategory, Guid?), long>();

        void Count(RetentionCategory category, DateTimeOffset cutoff, IEnumerable<(Guid? Establishment, long Count)> counts)
        {
            long total = 0;
            foreach (var (establishment, count) in counts)
            {
                byEstablishment[(category, establishment)] = byEstablishment.GetValueOrDefault((category, establishment)) + count;
                total += count;
            }

            due[category] = due.GetValueOrDefault(category) + total;
            if (!command.DryRun && total > 0)
                session.Events.Append(PurgeStream, new RetentionPurgeCompleted(category, (int)Math.Min(total, int.MaxValue), cutoff, 0));
        }

        // Region-wide categories (closed accounts, the access history) are counted once, without an establishment.
        async Task PurgeAsync(RetentionCategory category, DateTimeOffset cutoff, Func<Task<long>> purge) =>
            Count(category, cutoff, [(null, await purge())]);

        async Task PurgeInAsync(RetentionCategory category, DateTimeOffset cutoff, Func<Task<IReadOnlyList<Guid?>>> purge) =>
            Count(category, cutoff, (await purge()).GroupBy(e => e).Select(g => (g.Key, (long)g.Count())));

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
        await PurgeInAsync(RetentionCategory.Sanctions, now, async () => await SanctionPurge.RunAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        await PurgeInAsync(RetentionCategory.SchoolLifeData, now, async () => await SanctionPurge.RunForPunishmentsAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        await PurgeInAsync(RetentionCategory.SchoolLifeData, now, async () => await AttendancePurge.RunAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        await PurgeInAsync(RetentionCategory.Homework, now, async () => await HomeworkPurge.RunAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        await PurgeInAsync(RetentionCategory.LessonLog, now, async () => await LessonLogPurge.RunAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        var messageCutoff = now - RetentionRegistry.Rule(RetentionCategory.Messages).Duration!.Value;
        await PurgeInAsync(RetentionCategory.Messages, messageCutoff, async () => await MessagePurge.RunAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        await PurgeInAsync(RetentionCategory.Messages, messageCutoff, async () => await ForumPurge.RunAsync(session, eventChain, clock, command.DryRun, cancellationToken));
        await PurgeInAsync(RetentionCategory.WorkspaceBin, now.AddDays(-WorkspaceDecisions.BinDays),
            async () => await WorkspaceBinPurge.RunAsync(session, clock, command.DryRun, cancellationToken));
        var accessCutoff = now - RetentionRegistry.Rule(RetentionCategory.AccessHistory).Duration!.Value;
        await PurgeAsync(RetentionCategory.AccessHistory, accessCutoff,
            async () => (await accessHistory.RunAsync(session, accessCutoff, command.DryRun, cancellationToken))?.Rows ?? 0);

        var ids = byEstablishment.Keys.Select(k => k.Item2).OfType<Guid>().Distinct().ToArray();
        var uais = (await session.Query<Establishment>().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken)).ToDictionary(e => e.Id, e => e.Uai);
        return new PurgeReport(command.DryRun, due, [.. byEstablishment
            .Where(c => c.Value > 0).Select(c => new PurgeCount(c.Key.Item1, c.Key.Item2, c.Key.Item2 is { } id ? uais.GetValueOrDefault(id) : null, c.Value))
            .OrderBy(c => c.Category).ThenBy(c => c.Uai, StringComparer.Ordinal)]);
    }
}
