using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Grades;

namespace MonBureau.Application.WriteModels;

/// <summary>The grade calendar lives on the establishment's stream, one document per establishment.</summary>
public partial class GradeCalendarState : SingleStreamProjection<GradeCalendar, Guid>
{
    public static GradeCalendar Create(EstablishmentOpened e) => GradeCalendar.DefaultFor(e.EstablishmentId);

    public static GradeCalendar Create(TermsDefined e) => GradeCalendar.DefaultFor(e.EstablishmentId).Apply(e);

    public static GradeCalendar Create(GuardianGradeDelaySet e) => GradeCalendar.DefaultFor(e.EstablishmentId).Apply(e);

    public static GradeCalendar Create(ReportCardPublicationScheduled e) => GradeCalendar.DefaultFor(e.EstablishmentId).Apply(e);

    public GradeCalendar Apply(TermsDefined e, GradeCalendar calendar) => calendar.Apply(e);

    public GradeCalendar Apply(GuardianGradeDelaySet e, GradeCalendar calendar) => calendar.Apply(e);

    public GradeCalendar Apply(ReportCardPublicationScheduled e, GradeCalendar calendar) => calendar.Apply(e);

    public GradeCalendar Apply(ReportCardsPublished e, GradeCalendar calendar) => calendar.Apply(e);
}

public partial class AssessmentState : SingleStreamProjection<Assessment, Guid>
{
    public static Assessment Create(AssessmentCreated e) => Assessment.Create(e);
}

public static class GradesWriteModelsSetup
{
    public static void AddGradesWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<GradeCalendarState>(ProjectionLifecycle.Inline);
        options.Projections.Add<AssessmentState>(ProjectionLifecycle.Inline);
        options.Schema.For<GradeCalendar>().Identity(x => x.EstablishmentId);
    }
}
