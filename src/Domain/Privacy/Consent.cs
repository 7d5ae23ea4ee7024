using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Privacy;

/// <summary>Optional processing that needs consent, unlike the ENT's public task (droit à l'image, optional connectors).</summary>
public enum ConsentPurpose
{
    PhotoPublication,
    OptionalConnectors,
}

public sealed record ConsentGiven(Guid SubjectId, ConsentPurpose Purpose, Guid GivenBy, DateTimeOffset At);

public sealed record ConsentWithdrawn(Guid SubjectId, ConsentPurpose Purpose, Guid WithdrawnBy, DateTimeOffset At);

public sealed record GiveConsent(Guid SubjectId, ConsentPurpose Purpose);

public sealed record WithdrawConsent(Guid SubjectId, ConsentPurpose Purpose);

/// <summary>Whether consent is held for a purpose, since when and from whom.</summary>
public sealed record ConsentStatus(ConsentPurpose Purpose, bool Given, DateTimeOffset? Since, Guid? By);

public static class ConsentDecisions
{
    /// <summary>
    /// A student's consent is given by a legal guardian (minors); anyone else consents for themself. The decider
    /// appears in the event, so the record shows who consented, not just that someone did.
    /// </summary>
    public static object Decide(object command, Person subject, Person actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(actor);
        var isStudent = subject.Profiles.Any(p => p.Role == Role.Student);
        var mayDecide = isStudent
            ? actor.Children.Any(c => c.StudentId == subject.Id && c.Rights.LegalGuardian)
            : actor.Id == subject.Id;
        if (!mayDecide)
            throw BusinessRuleException.Forbidden();
        return command switch
        {
            GiveConsent give => new ConsentGiven(subject.Id, give.Purpose, actor.Id, now),
            WithdrawConsent withdraw => new ConsentWithdrawn(subject.Id, withdraw.Purpose, actor.Id, now),
            _ => throw new ArgumentException("Not a consent command.", nameof(command)),
        };
    }

    /// <summary>The state of every purpose after the given events, in order: "as of" a date is these events up to it.</summary>
    public static IReadOnlyList<ConsentStatus> StateAfter(IEnumerable<object> events) =>
    [
        .. Enum.GetValues<ConsentPurpose>().Select(purpose => events.Aggregate(
            new ConsentStatus(purpose, false, null, null),
            (state, e) => e switch
            {
                ConsentGiven given when given.Purpose == purpose => new ConsentStatus(purpose, true, given.At, given.GivenBy),
                ConsentWithdrawn withdrawn when withdrawn.Purpose == purpose => new ConsentStatus(purpose, false, withdrawn.At, withdrawn.WithdrawnBy),
                _ => state,
            })),
    ];
}
