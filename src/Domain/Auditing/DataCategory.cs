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

    /// <summary>Folders and files of a person's workspace (a folder they shared, a student's drop in a drop box).</summary>
    Workspace,
    /// <summary>A student's portfolios: read by their teachers, and by their guardians when the student shares them.</summary>
    Portfolio,
}
