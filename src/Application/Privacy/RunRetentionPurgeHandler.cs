using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Messaging;
using MonBureau.Application.Discipline;
using MonBureau.Domain.Common;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Privacy;

namespace MonBureau.Application.Privacy;

/// <param name="DryRun">Only count what is due; change nothing.</param>
public sealed record RunRetentionPurge(bool DryRun);

public sealed record PurgeReport(bool DryRun, IReadOnlyDictionary<RetentionCategory, int> Due);

/// <summary>
/// Erases what is past retention. Idempotent and resumable: a run is one transaction that marks each account erased;
/// if it fails after keys were destroyed, the next run finds the same accounts still closed and completes their
/// erasure (destroying a key twice changes nothing). Today it covers account data (3 months after closing) and
/// sanctions (their R511-13 date); each category joins as its module arrives.
/// </summary>
public static class RunRetentionPurgeHandler
{
    public static async Task<PurgeReport> Handle(RunRetentionPurge command, IDocumentSession session, SubjectKeyRing keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(keys);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        if (actor.Role is not (Role.PrivacyOfficer or Role.System))
            throw BusinessRuleException.Forbidden();

        var now = clock.GetUtcNow();
        var closed = await session.Query<Account>().Where(a => a.Status == AccountStatus.Closed).ToListAsync(cancellationToken);
        var due = RetentionPurge.AccountsDue(closed.Select(a => new ClosedAccount(a.PersonId, a.ClosedAt ?? now)), now);

        if (!command.DryRun && due.Count > 0)
        {
            foreach (var personId in due)
                await Forgetting.ForgetAsync(session, keys, personId, ErasureGround.RetentionPeriodExpired, now, cancellationToken);
            var cutoff = now - RetentionRegistry.Rule(RetentionCategory.AccountData).Duration!.Value;
            session.Events.Append(SystemActorIds.For("retention-purge"), new RetentionPurgeCompleted(RetentionCategory.AccountData, due.Count, cutoff, 0));
        }

        var sanctions = await SanctionPurge.RunAsync(session, clock, command.DryRun, cancellationToken);
        if (!command.DryRun && sanctions > 0)
            session.Events.Append(SystemActorIds.For("retention-purge"), new RetentionPurgeCompleted(RetentionCategory.Sanctions, sanctions, now, 0));

        var punishments = await SanctionPurge.RunForPunishmentsAsync(session, clock, command.DryRun, cancellationToken);
        if (!command.DryRun && punishments > 0)
            session.Events.Append(SystemActorIds.For("retention-purge"), new RetentionPurgeCompleted(RetentionCategory.SchoolLifeData, punishments, now, 0));

        var threads = await MessagePurge.RunAsync(session, clock, command.DryRun, cancellationToken);
        if (!command.DryRun && threads > 0)
        {
            var cutoff = now - RetentionRegistry.Rule(RetentionCategory.Messages).Duration!.Value;
            session.Events.Append(SystemActorIds.For("retention-purge"), new RetentionPurgeCompleted(RetentionCategory.Messages, threads, cutoff, 0));
        }

        return new PurgeReport(command.DryRun, new Dictionary<RetentionCategory, int>
        {
            [RetentionCategory.AccountData] = due.Count,
            [RetentionCategory.Sanctions] = sanctions,
            [RetentionCategory.Messages] = threads,
            [RetentionCategory.SchoolLifeData] = punishments,
        });
    }
}
