namespace MonBureau.Domain.Auditing;

/// <summary>Categories of personal data whose reading the access history records (a family asks: who saw my child's absences?).</summary>
public enum DataCategory
{
    Identity,
    Homework,
    Timetable,
    Absences,
    Sanctions,
    Grades,
    Messages,

    /// <summary>A student's portfolios: read by their teachers, and by their guardians when the student shares them.</summary>
    Portfolio,
}
