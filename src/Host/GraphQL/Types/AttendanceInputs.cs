using GraphQL.Types;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL.Types;

public sealed class RollCallMarkInputType : InputObjectGraphType<RollCallMark>
{
    public RollCallMarkInputType()
    {
        Name = "RollCallMarkInput";
        Description = "One student's mark; students not listed are present.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Presence, type: typeof(NonNullGraphType<PresenceType>)).Description("PRESENT, ABSENT or LATE.");
        Field(x => x.LateMinutes, nullable: true).Description("Minutes late (1 to 240), for LATE only.");
    }
}

public sealed class TakeRollCallInputType : InputObjectGraphType<TakeRollCall>
{
    public TakeRollCallInputType()
    {
        Name = "TakeRollCallInput";
        Description = "The roll call of one lesson; sending it again for the same class or group, date and start corrects it.";
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group the teacher teaches.");
        Field(x => x.Subject).Description("Subject (matière) the teacher teaches there.");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("Day of the lesson: today or earlier in the school year.");
        Field(x => x.Start, type: typeof(NonNullGraphType<TimeOnlyGraphType>)).Description("Start time, local to the establishment; before noon is the morning.");
        Field(x => x.End, type: typeof(NonNullGraphType<TimeOnlyGraphType>)).Description("End time, local.");
        Field(x => x.Marks, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RollCallMarkInputType>>>)).Description("Absent and late students (others are present); listing present ones is allowed.");
    }
}

public sealed class RecordAbsenceInputType : InputObjectGraphType<RecordAbsence>
{
    public RecordAbsenceInputType()
    {
        Name = "RecordAbsenceInput";
        Description = "An absence over a half-day (from = to, same part), a day (from alone) or a period; weekends are not counted.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A student of the establishment.");
        Field(x => x.From, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("First day.");
        Field(x => x.FromPart, type: typeof(DayPartType)).Description("First half-day of that day (MORNING when omitted).");
        Field(x => x.To, type: typeof(DateOnlyGraphType)).Description("Last day (the first when omitted).");
        Field(x => x.ToPart, type: typeof(DayPartType)).Description("Last half-day of that day (AFTERNOON when omitted).");
        Field(x => x.ReasonCode, nullable: true).Description("Reason code from absenceReasons, when known.");
    }
}

public sealed class RecordLatenessInputType : InputObjectGraphType<RecordLateness>
{
    public RecordLatenessInputType()
    {
        Name = "RecordLatenessInput";
        Description = "A lateness noted by the school-life office.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("A student of the establishment.");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day, today or earlier.");
        Field(x => x.Minutes).Description("Minutes late, 1 to 240.");
        Field(x => x.ReasonCode, nullable: true).Description("Reason code from absenceReasons, when known.");
    }
}

/// <summary>The mutation's input: documents arrive base64-encoded and are decoded into the command.</summary>
public sealed record JustifyAbsenceInput(Guid AbsenceId, string ReasonCode, string Explanation, IReadOnlyList<FileUploadInput>? Documents) : Redacted
{
    public JustifyAbsence ToCommand() => new(AbsenceId, ReasonCode, Explanation, [.. (Documents ?? []).Select(d => d.ToUpload())]);
}

public sealed class JustifyAbsenceInputType : InputObjectGraphType<JustifyAbsenceInput>
{
    public JustifyAbsenceInputType()
    {
        Name = "JustifyAbsenceInput";
        Description = "A guardian's justification of their child's absence, with scanned supporting documents if any.";
        Field(x => x.AbsenceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The absence.");
        Field(x => x.ReasonCode).Description("Reason code from absenceReasons.");
        Field(x => x.Explanation).Description("Explanation, at most 2,000 characters.");
        Field(x => x.Documents, type: typeof(ListGraphType<NonNullGraphType<FileUploadInputType>>))
            .Description($"Supporting documents (a scanned medical certificate): PDF, PNG or JPEG, at most {AttendanceDecisions.MaxJustificationDocuments}.");
    }
}

public sealed class AcceptAbsenceJustificationInputType : InputObjectGraphType<AcceptAbsenceJustification>
{
    public AcceptAbsenceJustificationInputType()
    {
        Name = "AcceptAbsenceJustificationInput";
        Description = "The school-life office accepts a guardian's justification: the absence becomes justified.";
        Field(x => x.AbsenceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The absence.");
        Field(x => x.ReasonCode, nullable: true).Description("Reason retained, counting as justified; the guardian's when omitted.");
        Field(x => x.Comment, nullable: true).Description("Comment for the family, at most 2,000 characters.");
    }
}

public sealed class RejectAbsenceJustificationInputType : InputObjectGraphType<RejectAbsenceJustification>
{
    public RejectAbsenceJustificationInputType()
    {
        Name = "RejectAbsenceJustificationInput";
        Description = "The school-life office rejects a guardian's justification: the absence stays unjustified.";
        Field(x => x.AbsenceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The absence.");
        Field(x => x.Comment).Description("Why, for the family; at most 2,000 characters.");
    }
}

public sealed class AddAbsenceReasonInputType : InputObjectGraphType<AddAbsenceReason>
{
    public AddAbsenceReasonInputType()
    {
        Name = "AddAbsenceReasonInput";
        Description = "A reason to add to the establishment's list.";
        Field(x => x.Code).Description("2 to 30 capital letters, digits or underscores, e.g. SORTIE_SCOLAIRE.");
        Field(x => x.Label).Description("Label shown to users.");
        Field(x => x.CountsAsJustified).Description("Whether an absence for this reason is justified.");
    }
}
