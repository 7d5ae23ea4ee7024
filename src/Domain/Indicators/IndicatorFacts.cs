using MonBureau.Domain.Classes;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Indicators;

/// <summary>
/// Extracts the indicator fact of one event, or null when the event says nothing indicators use. The live projection,
/// the rebuild and the tests all go through here, so they cannot read the log differently. Only identifiers, dates,
/// profiles and codes are read: never a <see cref="Common.PersonalData"/> value.
/// </summary>
public static class IndicatorFacts
{
    /// <summary>The event types facts come from, for readers that filter the log by type.</summary>
    public static readonly IReadOnlyList<Type> SourceEventTypes =
    [
        typeof(EstablishmentOpened), typeof(StudentEnrolled), typeof(StudentChangedClass), typeof(StudentLeftEstablishment),
        typeof(StudentJoinedGroup), typeof(StudentLeftGroup), typeof(SignInSucceeded), typeof(HomeworkAssigned),
        typeof(HomeworkSubmitted), typeof(MessagePosted), typeof(QuietHoursSet),
    ];

    public static IndicatorFact? From(object data, Guid eventId, DateTimeOffset recordedAt) => data switch
    {
        EstablishmentOpened e => new(eventId, FactKind.EstablishmentOpened, e.EstablishmentId, recordedAt, recordedAt, Code: e.TimeZone),
        StudentEnrolled e => new(eventId, FactKind.StudentPlaced, e.EstablishmentId, e.EffectiveAt ?? recordedAt, recordedAt, e.PersonId, UnitId: e.ClassId),
        StudentChangedClass e => new(eventId, FactKind.StudentPlaced, e.EstablishmentId, recordedAt, recordedAt, e.PersonId, UnitId: e.ClassId),
        StudentLeftEstablishment e => new(eventId, FactKind.StudentLeft, e.EstablishmentId, recordedAt, recordedAt, e.PersonId),
        StudentJoinedGroup e => new(eventId, FactKind.GroupJoined, e.EstablishmentId, recordedAt, recordedAt, e.StudentId, UnitId: e.GroupId),
        StudentLeftGroup e => new(eventId, FactKind.GroupLeft, e.EstablishmentId, recordedAt, recordedAt, e.StudentId, UnitId: e.GroupId),
        SignInSucceeded { EstablishmentId: { } establishmentId } e =>
            new(eventId, FactKind.SignedIn, establishmentId, e.At ?? recordedAt, recordedAt, e.PersonId, e.Role),
        HomeworkAssigned e => new(eventId, FactKind.HomeworkSet, e.EstablishmentId, e.AssignedAt, recordedAt, e.TeacherId, Common.Role.Teacher,
            e.ClassId, e.HomeworkId, e.DueAt, e.StudentIds is { Count: > 0 } named ? named : null),
        HomeworkSubmitted e => new(eventId, FactKind.HomeworkHandedIn, e.EstablishmentId, e.SubmittedAt, recordedAt, e.StudentId, Common.Role.Student, SubjectId: e.HomeworkId),
        MessagePosted e => new(eventId, FactKind.MessagePosted, e.EstablishmentId, e.PostedAt, recordedAt, e.AuthorId, e.AuthorRole, SubjectId: e.ThreadId),
        QuietHoursSet e => new(eventId, FactKind.QuietHoursSet, e.EstablishmentId, recordedAt, recordedAt, QuietHours: e.QuietHours),
        _ => null,
    };
}
