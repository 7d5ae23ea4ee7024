using JasperFx.Events.Projections;
using Marten;

namespace MonBureau.Projections.Grades;

public static class GradesProjectionsSetup
{
    /// <summary>Inline: the teacher re-reads the grade book right after entering marks.</summary>
    public static void AddGradesProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<AssessmentDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ReportCardNotesProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<AssessmentDetails>().Index(x => x.TeachingUnitId).GinIndexJsonData();
    }
}
