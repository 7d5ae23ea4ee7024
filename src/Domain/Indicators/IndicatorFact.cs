using MonBureau.Domain.Common;
using MonBureau.Domain.Messaging;

namespace MonBureau.Domain.Indicators;

/// <summary>What an indicator fact records; each comes from one event of the log.</summary>
public enum FactKind
{
    /// <summary>The establishment opened; <see cref="IndicatorFact.Code"/> holds its time zone.</summary>
    EstablishmentOpened,

    /// <summary>A student joined a class (enrolment or change of class); <see cref="IndicatorFact.UnitId"/> is the class.</summary>
    StudentPlaced,

    /// <summary>A student left the establishment's roll.</summary>
    StudentLeft,

    /// <summary>A student joined a group; <see cref="IndicatorFact.UnitId"/> is the group.</summary>
    GroupJoined,

    /// <summary>A student left a group.</summary>
    GroupLeft,

    /// <summary>Someone signed in with the profile <see cref="IndicatorFact.Role"/>.</summary>
    SignedIn,

    /// <summary>Homework was set to a class or group (<see cref="IndicatorFact.UnitId"/>), due at <see cref="IndicatorFact.DueAt"/>, for <see cref="IndicatorFact.Targets"/> when named.</summary>
    HomeworkSet,

    /// <summary>A student handed homework (<see cref="IndicatorFact.SubjectId"/>) in online.</summary>
    HomeworkHandedIn,

    /// <summary>A message was posted in a thread (<see cref="IndicatorFact.SubjectId"/>) by someone in the profile <see cref="IndicatorFact.Role"/>.</summary>
    MessagePosted,

    /// <summary>Direction changed the establishment's quiet hours (<see cref="IndicatorFact.QuietHours"/>).</summary>
    QuietHoursSet,
}

/// <summary>
/// One fact the indicators are computed from, extracted from one event (its id is the event's): identifiers, dates,
/// profiles and codes only, never personal data, so purges and erasures leave every fact — and every figure — intact.
/// </summary>
/// <param name="At">When it happened (the event's own date when it carries one, else when it was recorded).</param>
/// <param name="RecordedAt">When the event was recorded: an "as of" computation only sees facts recorded by then.</param>
/// <param name="PersonId">The student, the one who signed in, or the message's author.</param>
/// <param name="UnitId">The class or group.</param>
/// <param name="SubjectId">The homework or the message thread.</param>
public sealed record IndicatorFact(
    Guid Id,
    FactKind Kind,
    Guid EstablishmentId,
    DateTimeOffset At,
    DateTimeOffset RecordedAt,
    Guid? PersonId = null,
    Role? Role = null,
    Guid? UnitId = null,
    Guid? SubjectId = null,
    DateTimeOffset? DueAt = null,
    IReadOnlyList<Guid>? Targets = null,
    QuietHours? QuietHours = null,
    string? Code = null);
