using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Application.Homework;
using MonBureau.Application.LessonLog;
using MonBureau.Domain.Grading;
using MonBureau.Domain.Homework;
using MonBureau.Domain.LessonLog;

namespace MonBureau.Application.WriteModels;

public partial class HomeworkSubmissionState : SingleStreamProjection<HomeworkSubmission, Guid>
{
    public static HomeworkSubmission Create(HomeworkSubmitted e) => HomeworkSubmission.Create(e);

    public HomeworkSubmission Apply(HomeworkSubmitted e, HomeworkSubmission submission) => submission.Apply(e);

    public HomeworkSubmission Apply(SubmissionFeedbackGiven e, HomeworkSubmission submission) => submission.Apply(e);

    public bool ShouldDelete(SubmissionPurged e) => true;
}

public partial class GradingScaleState : SingleStreamProjection<GradingScale, Guid>
{
    public static GradingScale Create(GradingScaleCreated e) => GradingScale.Create(e);
}

public partial class LessonLogEntryState : SingleStreamProjection<LessonLogEntry, Guid>
{
    public static LessonLogEntry Create(LessonLogEntryWritten e) => LessonLogEntry.Create(e);

    public LessonLogEntry Apply(LessonLogEntryEdited e, LessonLogEntry entry) => entry.Apply(e);

    public bool ShouldDelete(LessonLogEntryPurged e) => true;
}

public static class TeachingWriteModelsSetup
{
    public static void AddTeachingWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events.AddMaskingRuleForProtectedInformation<HomeworkAssigned>(HomeworkPurge.WithoutInstructions);
        options.Events.AddMaskingRuleForProtectedInformation<HomeworkEdited>(HomeworkPurge.WithoutInstructions);
        options.Events.AddMaskingRuleForProtectedInformation<HomeworkSubmitted>(HomeworkPurge.WithoutWork);
        options.Events.AddMaskingRuleForProtectedInformation<SubmissionFeedbackGiven>(HomeworkPurge.WithoutComment);
        options.Events.AddMaskingRuleForProtectedInformation<LessonLogEntryWritten>(LessonLogPurge.WithoutContent);
        options.Events.AddMaskingRuleForProtectedInformation<LessonLogEntryEdited>(LessonLogPurge.WithoutContent);
        options.Projections.Add<HomeworkSubmissionState>(ProjectionLifecycle.Inline);
        options.Projections.Add<GradingScaleState>(ProjectionLifecycle.Inline);
        options.Projections.Add<LessonLogEntryState>(ProjectionLifecycle.Inline);
    }
}
