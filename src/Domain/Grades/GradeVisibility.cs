namespace MonBureau.Domain.Grades;

/// <summary>Who is reading grades: the student, one of their guardians, or staff (teachers, direction, school life).</summary>
public enum GradeReader
{
    Student,
    Guardian,
    Staff,
}

/// <summary>When a mark or a report card becomes visible to each reader.</summary>
public static class GradeVisibility
{
    /// <summary>
    /// Staff and the student see a mark once it is entered; guardians <paramref name="guardianDelay"/> later
    /// (the establishment's option), counted from the student's first mark on that assessment, so a correction does not hide it again.
    /// </summary>
    public static bool SeesMark(GradeReader reader, DateTimeOffset firstEnteredAt, TimeSpan guardianDelay, DateTimeOffset now) =>
        reader != GradeReader.Guardian || now >= firstEnteredAt + guardianDelay;

    /// <summary>Staff see a report card at any time (to prepare it); students and guardians from their publication time only.</summary>
    public static bool SeesReportCard(GradeReader reader, ReportCardPublication? publication, DateTimeOffset now) => reader switch
    {
        GradeReader.Staff => true,
        GradeReader.Student => publication is not null && now >= publication.StudentsAt,
        _ => publication is not null && now >= publication.GuardiansAt,
    };
}
