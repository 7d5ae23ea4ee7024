using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using MonBureau.Domain.Agenda;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Grades;
using MonBureau.Domain.Homework;
using MonBureau.Domain.Identity;
using MonBureau.Domain.Indicators;
using MonBureau.Domain.LessonLog;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.People;
using MonBureau.Domain.Resources;

namespace MonBureau.Projections.Indicators;

/// <summary>
/// Keeps one <see cref="IndicatorFact"/> document per source event, keyed by the event's id, in the event's own
/// transaction. A document is a pure function of its event, so rebuilding rewrites identical documents and can run
/// beside live traffic (ADR 0020).
/// </summary>
public partial class IndicatorFactProjection : EventProjection
{
    public void Project(IEvent<EstablishmentOpened> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<StudentEnrolled> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<StudentChangedClass> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<StudentLeftEstablishment> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<StudentJoinedGroup> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<StudentLeftGroup> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<SignInSucceeded> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<HomeworkAssigned> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<HomeworkSubmitted> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<MessagePosted> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<QuietHoursSet> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<GuardianshipEstablished> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<GuardianshipEnded> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<TeacherAppointed> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<RollCallTaken> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<RollCallCorrected> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AbsenceRecorded> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AbsenceWithdrawn> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AbsenceJustificationAccepted> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<MessageRead> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<HomeworkEdited> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<SubmissionFeedbackGiven> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<LessonLogEntryWritten> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<LessonLogEntryEdited> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AgendaEventScheduled> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AgendaEventRevised> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AgendaEventCancelled> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<ResourcePublished> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<ResourceRevised> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<ResourceArchived> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AssessmentCreated> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<MarksEntered> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<SubjectAppreciationWritten> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<GeneralAppreciationWritten> e, IDocumentOperations operations) => Keep(e, operations);

    public void Project(IEvent<AbsenceJustificationSubmitted> e, IDocumentOperations operations) => Keep(e, operations);

    private static void Keep(IEvent e, IDocumentOperations operations)
    {
        if (IndicatorFacts.From(e.Data, e.Id, e.Timestamp) is { } fact)
            operations.Store(fact);
    }
}

public static class IndicatorProjectionsSetup
{
    /// <summary>Inline, so the dashboard counts an action as soon as its request returns.</summary>
    public static void AddIndicatorProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<IndicatorFactProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<IndicatorFact>().Identity(f => f.Id).Index(f => f.EstablishmentId);
    }
}
