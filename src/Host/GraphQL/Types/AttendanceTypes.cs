using System.Globalization;
using GraphQL.Types;
using MonBureau.Domain.Attendance;
using MonBureau.Projections.Attendance;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class PresenceType : EnumerationGraphType<Presence>
{
    public PresenceType()
    {
        Name = "Presence";
        Description = "PRESENT, ABSENT, or LATE (en retard, with minutes).";
    }
}

public sealed class DayPartType : EnumerationGraphType<DayPart>
{
    public DayPartType()
    {
        Name = "DayPart";
        Description = "MORNING or AFTERNOON of a school day (demi-journée); a lesson starting before noon local time is in the morning.";
    }
}

public sealed class JustificationStatusType : EnumerationGraphType<JustificationStatus>
{
    public JustificationStatusType()
    {
        Name = "JustificationStatus";
        Description = "NONE submitted, PENDING the school-life office's decision, ACCEPTED or REJECTED.";
    }
}

public sealed class HalfDayType : ObjectGraphType<HalfDay>
{
    public HalfDayType()
    {
        Name = "HalfDay";
        Description = "One half-day (demi-journée) of absence.";
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day.");
        Field(x => x.Part, type: typeof(NonNullGraphType<DayPartType>)).Description("Morning or afternoon.");
    }
}

public sealed class LessonType : ObjectGraphType<Lesson>
{
    public LessonType()
    {
        Name = "Lesson";
        Description = "One lesson (cours): a class or group, a subject, a date and a slot in the establishment's local time.";
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day.");
        Field("start", x => x.Start.ToString("HH:mm", CultureInfo.InvariantCulture)).Description("Start time, local (HH:mm).");
        Field("end", x => x.End.ToString("HH:mm", CultureInfo.InvariantCulture)).Description("End time, local (HH:mm).");
        Field("part", x => x.HalfDay.Part, type: typeof(NonNullGraphType<DayPartType>)).Description("The half-day the lesson counts in.");
    }
}

public sealed class RollCallMarkType : ObjectGraphType<RollCallMark>
{
    public RollCallMarkType()
    {
        Name = "RollCallMark";
        Description = "One student's mark in a roll call.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Presence, type: typeof(NonNullGraphType<PresenceType>)).Description("Present, absent or late.");
        Field(x => x.LateMinutes, nullable: true).Description("Minutes late, for LATE.");
    }
}

public sealed class RollCallChangeType : ObjectGraphType<RollCallChange>
{
    public RollCallChangeType()
    {
        Name = "RollCallChange";
        Description = "One mark changed by a correction.";
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Before, type: typeof(NonNullGraphType<RollCallMarkType>)).Description("The mark before the correction.");
        Field(x => x.After, type: typeof(NonNullGraphType<RollCallMarkType>)).Description("The mark after it.");
    }
}

public sealed class RollCallCorrectionType : ObjectGraphType<RollCallCorrectionView>
{
    public RollCallCorrectionType()
    {
        Name = "RollCallCorrection";
        Description = "A later submission of the roll call that changed marks.";
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who corrected it.");
        Field(x => x.CorrectedAt).Description("When.");
        Field(x => x.Changes, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RollCallChangeType>>>)).Description("The marks that changed.");
    }
}

public sealed class RollCallType : ObjectGraphType<RollCallView>
{
    public RollCallType()
    {
        Name = "RollCall";
        Description = "The roll call (appel) of one lesson, as it stands, with its corrections.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier: one per class or group, date and start time.");
        Field(x => x.Lesson, type: typeof(NonNullGraphType<LessonType>)).Description("The lesson.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who first took it.");
        Field(x => x.TakenAt).Description("When it was first taken.");
        Field(x => x.Marks, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RollCallMarkType>>>)).Description("Every student's mark as it stands.");
        Field(x => x.Corrections, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RollCallCorrectionType>>>)).Description("Corrections, oldest first.");
    }
}

public sealed class AbsenceReasonType : ObjectGraphType<AbsenceReason>
{
    public AbsenceReasonType()
    {
        Name = "AbsenceReason";
        Description = "A reason (motif) of absence or lateness from the establishment's list.";
        Field(x => x.Code).Description("Stable code, e.g. MALADIE.");
        Field(x => x.Label).Description("Label shown to users.");
        Field(x => x.CountsAsJustified).Description("Whether an absence for this reason is justified.");
    }
}

public sealed class AbsenceType : ObjectGraphType<AbsenceView>
{
    public AbsenceType()
    {
        this.ImplementsNode();
        Name = "Absence";
        Description = "A student's absence, from a roll call or recorded by the school-life office, with its justification.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.HalfDays, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<HalfDayType>>>)).Description("School half-days it covers.");
        Field(x => x.Lesson, type: typeof(LessonType)).Description("The lesson missed, for an absence noted at a roll call.");
        Field(x => x.Reason, type: typeof(AbsenceReasonType)).Description("The reason recorded or retained, if any.");
        Field(x => x.RecordedAt).Description("When it was recorded.");
        Field(x => x.Withdrawn).Description("True when a corrected roll call removed it: it no longer counts.");
        Field(x => x.Justified).Description("Whether the absence is justified.");
        Field(x => x.Justification, type: typeof(NonNullGraphType<JustificationStatusType>)).Description("Where the guardian's justification stands.");
        Field(x => x.SubmittedReason, type: typeof(AbsenceReasonType)).Description("The reason the guardian gave.");
        this.PersonalField("explanation", x => x.Explanation, "The guardian's explanation.");
        Field(x => x.Documents, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AttachedFileType>>>))
            .Description("Documents supporting the guardian's justification (a scanned certificate); open them with the file query.");
        Field(x => x.SubmittedAt, nullable: true).Description("When the guardian justified it.");
        this.PersonalField("decisionComment", x => x.DecisionComment, "The school-life office's comment on its decision.");
        Field(x => x.DecidedAt, nullable: true).Description("When the school-life office decided.");
    }
}

public sealed class LatenessType : ObjectGraphType<LatenessView>
{
    public LatenessType()
    {
        Name = "Lateness";
        Description = "A student's lateness (retard).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Date, type: typeof(NonNullGraphType<DateOnlyGraphType>)).Description("The day.");
        Field(x => x.Minutes).Description("Minutes late.");
        Field(x => x.Lesson, type: typeof(LessonType)).Description("The lesson, for a lateness noted at a roll call.");
        Field(x => x.Reason, type: typeof(AbsenceReasonType)).Description("The reason recorded, if any.");
        Field(x => x.Withdrawn).Description("True when a corrected roll call removed it.");
    }
}

public sealed class AbsenteeismAlertType : ObjectGraphType<AbsenteeismAlertView>
{
    public AbsenteeismAlertType()
    {
        Name = "AbsenteeismAlert";
        Description = "At least four unjustified half-days in a calendar month (signalement d'absentéisme); raised once per student and month.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student.");
        Field(x => x.Year).Description("Year of the month.");
        Field(x => x.Month).Description("Month, 1 to 12.");
        Field(x => x.UnjustifiedHalfDays).Description("Unjustified half-days in that month when the alert was raised.");
        Field(x => x.RaisedAt).Description("When it was raised.");
    }
}
