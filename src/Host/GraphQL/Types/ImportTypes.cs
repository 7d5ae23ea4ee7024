using GraphQL.Types;
using MonBureau.Application.Importing;
using MonBureau.Domain.Importing;

namespace MonBureau.Host.GraphQL.Types;

public sealed class ImportStudentRosterInputType : InputObjectGraphType<ImportStudentRoster>
{
    public ImportStudentRosterInputType()
    {
        Name = "ImportStudentRosterInput";
        Description = "A student roster export (SIECLE-like CSV, docs/import-formats.md) for the administrator's establishment.";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Csv).Description("The file's content: UTF-8, semicolon-separated, with its header line.");
    }
}

public sealed class ImportReportType : ObjectGraphType<ImportReport>
{
    public ImportReportType()
    {
        Name = "ImportReport";
        Description = "What an import changed. Importing the same file again changes nothing.";
        Field(x => x.Changes).Description("Total number of changes applied.");
        Field(x => x.ClassesCreated).Description("Classes created for the current school year.");
        Field(x => x.StudentsEnrolled).Description("Students new to the establishment.");
        Field(x => x.StudentsMoved).Description("Students who changed class.");
        Field(x => x.StudentsLeft).Description("Students no longer in the file: their profile ended and, with no other profile, their account closed.");
        Field(x => x.GuardiansAdded).Description("Guardian links added (new or existing people).");
        Field(x => x.GuardianRightsChanged).Description("Guardian links whose rights changed.");
        Field(x => x.GuardianshipsEnded).Description("Guardian links that ended.");
        this.AddLineReports(r => r.Rejected, r => r.NeedsReview, "Lines imported but with a guardian left unlinked for a person to decide (possible existing identity).");
    }
}

public sealed class RejectedLineType : ObjectGraphType<RejectedLine>
{
    public RejectedLineType()
    {
        Name = "RejectedLine";
        Description = "A line of the file that was not imported.";
        Field(x => x.LineNumber).Description("Line number in the file (the header is line 1).");
        Field(x => x.Reason).Description("Why.");
    }
}

public sealed class NeedsReviewType : ObjectGraphType<NeedsReview>
{
    public NeedsReviewType()
    {
        Name = "NeedsReview";
        Description = "A line whose import left a decision to a person.";
        Field(x => x.LineNumber).Description("Line number in the file.");
        Field(x => x.Reason).Description("What to decide and how.");
    }
}

public sealed class ImportTeachingScheduleInputType : InputObjectGraphType<ImportTeachingSchedule>
{
    public ImportTeachingScheduleInputType()
    {
        Name = "ImportTeachingScheduleInput";
        Description = "A teachers, teaching and timetable export (STS/EDT-like CSV, docs/import-formats.md).";
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Establishment.");
        Field(x => x.Csv).Description("The file's content: UTF-8, semicolon-separated, with its header line.");
    }
}

public sealed class ScheduleImportReportType : ObjectGraphType<ScheduleImportReport>
{
    public ScheduleImportReportType()
    {
        Name = "ScheduleImportReport";
        Description = "What a schedule import changed. Importing the same file again changes nothing.";
        Field(x => x.Changes).Description("Total number of changes applied.");
        Field(x => x.TeachersRegistered).Description("Teachers new to the establishment.");
        Field(x => x.GroupsCreated).Description("Groups created because the file names them and no class or group had that name.");
        Field(x => x.TeachingsAssigned).Description("Teachings (teacher, class or group, subject) added.");
        Field(x => x.TeachingsWithdrawn).Description("Teachings no longer in the file.");
        Field(x => x.SlotsScheduled).Description("Timetable slots added.");
        Field(x => x.SlotsCancelled).Description("Timetable slots no longer in the file.");
        this.AddLineReports(r => r.Rejected, r => r.NeedsReview, "Lines left for a person to decide (possible existing identity).");
    }
}

internal static class ImportReportFields
{
    /// <summary>The per-line outcome every import report carries.</summary>
    public static void AddLineReports<T>(this ObjectGraphType<T> type, Func<T, IReadOnlyList<RejectedLine>> rejected, Func<T, IReadOnlyList<NeedsReview>> reviews, string reviewDescription)
    {
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RejectedLineType>>>, IReadOnlyList<RejectedLine>>("rejected")
            .Description("Lines not imported, with the reason.")
            .Resolve(ctx => rejected(ctx.Source));
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NeedsReviewType>>>, IReadOnlyList<NeedsReview>>("needsReview")
            .Description(reviewDescription)
            .Resolve(ctx => reviews(ctx.Source));
    }
}
