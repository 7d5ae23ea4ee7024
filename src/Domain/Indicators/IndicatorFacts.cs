using MonBureau.Domain.Agenda;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Grades;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Identity;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;
using MonBureau.Domain.Resources;
using static MonBureau.Domain.Common.Role;

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
        typeof(GuardianshipEstablished), typeof(GuardianshipEnded), typeof(TeacherAppointed),
        typeof(RollCallTaken), typeof(RollCallCorrected), typeof(AbsenceRecorded), typeof(AbsenceWithdrawn), typeof(AbsenceJustificationAccepted),
        typeof(MessageRead), typeof(HomeworkEdited), typeof(SubmissionFeedbackGiven), typeof(LessonLogEntryWritten), typeof(LessonLogEntryEdited),
        typeof(AgendaEventScheduled), typeof(AgendaEventRevised), typeof(AgendaEventCancelled), typeof(ResourcePublished), typeof(ResourceRevised),
        typeof(ResourceArchived), typeof(AssessmentCreated), typeof(MarksEntered), typeof(SubjectAppreciationWritten), typeof(GeneralAppreciationWritten),
        typeof(AbsenceJustificationSubmitted),
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
        GuardianshipEstablished e => new(eventId, FactKind.GuardianLinked, e.EstablishmentId, e.EffectiveAt ?? recordedAt, recordedAt, e.GuardianId, Guardian, SubjectId: e.StudentId),
        GuardianshipEnded e => new(eventId, FactKind.GuardianUnlinked, e.EstablishmentId, recordedAt, recordedAt, e.GuardianId, Guardian, SubjectId: e.StudentId),
        TeacherAppointed e => new(eventId, FactKind.TeacherAppointed, e.EstablishmentId, recordedAt, recordedAt, e.PersonId, Teacher),
        RollCallTaken e => new(eventId, FactKind.RollCallTaken, e.EstablishmentId, e.TakenAt, recordedAt, e.TeacherId, Teacher, e.Lesson.TeachingUnitId, e.RollCallId,
            Targets: [.. e.Marks.Select(m => m.StudentId)], HalfDays: [e.Lesson.HalfDay], Absent: AbsentAmong(e.Marks)),
        RollCallCorrected e => new(eventId, FactKind.RollCallCorrected, e.EstablishmentId, e.CorrectedAt, recordedAt, e.TeacherId, Teacher, SubjectId: e.RollCallId,
            Targets: [.. e.Changes.Select(c => c.StudentId)], Absent: AbsentAmong(e.Changes.Select(c => c.After))),
        AbsenceRecorded e => new(eventId, FactKind.AbsenceRecorded, e.EstablishmentId, e.RecordedAt, recordedAt, e.StudentId, SubjectId: e.AbsenceId,
            HalfDays: e.HalfDays, Justifies: e.Reason?.CountsAsJustified == true),
        AbsenceWithdrawn e => new(eventId, FactKind.AbsenceWithdrawn, e.EstablishmentId, e.WithdrawnAt, recordedAt, e.StudentId, SubjectId: e.AbsenceId),
        AbsenceJustificationAccepted e => new(eventId, FactKind.AbsenceJustified, e.EstablishmentId, e.DecidedAt, recordedAt, e.StudentId, SubjectId: e.AbsenceId,
            Justifies: e.Reason.CountsAsJustified),
        MessageRead e => Used(eventId, EntModule.Messaging, e.EstablishmentId, e.ReadAt, recordedAt, e.ReaderId, null),
        HomeworkEdited e => Used(eventId, EntModule.Homework, e.EstablishmentId, e.EditedAt, recordedAt, e.TeacherId, Teacher),
        SubmissionFeedbackGiven e => Used(eventId, EntModule.Homework, e.EstablishmentId, e.GivenAt, recordedAt, e.TeacherId, Teacher),
        LessonLogEntryWritten e => Used(eventId, EntModule.LessonLog, e.EstablishmentId, e.WrittenAt, recordedAt, e.TeacherId, Teacher),
        LessonLogEntryEdited e => Used(eventId, EntModule.LessonLog, e.EstablishmentId, e.EditedAt, recordedAt, e.TeacherId, Teacher),
        AgendaEventScheduled e => Used(eventId, EntModule.Agenda, e.EstablishmentId, e.ScheduledAt, recordedAt, e.ScheduledBy, null),
        AgendaEventRevised e => Used(eventId, EntModule.Agenda, e.EstablishmentId, e.RevisedAt, recordedAt, e.RevisedBy, null),
        AgendaEventCancelled e => Used(eventId, EntModule.Agenda, e.EstablishmentId, e.CancelledAt, recordedAt, e.CancelledBy, null),
        ResourcePublished e => Used(eventId, EntModule.Resources, e.EstablishmentId, e.PublishedAt, recordedAt, e.AuthorId, null),
        ResourceRevised e => Used(eventId, EntModule.Resources, e.EstablishmentId, e.RevisedAt, recordedAt, e.RevisedBy, null),
        ResourceArchived e => Used(eventId, EntModule.Resources, e.EstablishmentId, e.ArchivedAt, recordedAt, e.ArchivedBy, null),
        AssessmentCreated e => Used(eventId, EntModule.Grades, e.EstablishmentId, e.CreatedAt, recordedAt, e.TeacherId, Teacher),
        MarksEntered e => Used(eventId, EntModule.Grades, e.EstablishmentId, e.EnteredAt, recordedAt, e.TeacherId, Teacher),
        SubjectAppreciationWritten e => Used(eventId, EntModule.Grades, e.EstablishmentId, e.WrittenAt, recordedAt, e.TeacherId, Teacher),
        GeneralAppreciationWritten e => Used(eventId, EntModule.Grades, e.EstablishmentId, e.WrittenAt, recordedAt, e.AuthorId, null),
        AbsenceJustificationSubmitted e => Used(eventId, EntModule.SchoolLife, e.EstablishmentId, e.SubmittedAt, recordedAt, e.GuardianId, Guardian),
        _ => null,
    };

    /// <summary>The module a fact shows someone using, if any: module facts, and the facts other indicators keep that are also someone's action.</summary>
    public static EntModule? ModuleOf(IndicatorFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact.Kind switch
        {
            FactKind.ModuleUsed => Enum.Parse<EntModule>(fact.Code!),
            FactKind.MessagePosted => EntModule.Messaging,
            FactKind.HomeworkSet or FactKind.HomeworkHandedIn => EntModule.Homework,
            FactKind.RollCallTaken or FactKind.RollCallCorrected => EntModule.SchoolLife,
            _ => null,
        };
    }

    private static IndicatorFact Used(Guid eventId, EntModule module, Guid establishmentId, DateTimeOffset at, DateTimeOffset recordedAt, Guid personId, Common.Role? role) =>
        new(eventId, FactKind.ModuleUsed, establishmentId, at, recordedAt, personId, role, Code: module.ToString());

    private static List<Guid> AbsentAmong(IEnumerable<RollCallMark> marks) => [.. marks.Where(m => m.Presence == Presence.Absent).Select(m => m.StudentId)];
}
