namespace MonBureau.Domain.Messaging;

/// <summary>
/// Who may write to whom in one establishment, beyond what always holds: staff write to anyone of the establishment and
/// broadcast; everybody may write to the school-life office and direction; nobody writes across establishments.
/// </summary>
public sealed record MessagingRules(
    bool StudentsMayWriteToTheirTeachers,
    bool StudentsMayWriteToStudents,
    bool GuardiansMayWriteToTheirChildrensTeachers,
    bool GuardiansMayWriteToGuardians,
    bool TeachersMayBroadcastToTheirClasses)
{
    public static readonly MessagingRules Default = new(
        StudentsMayWriteToTheirTeachers: true,
        StudentsMayWriteToStudents: false,
        GuardiansMayWriteToTheirChildrensTeachers: true,
        GuardiansMayWriteToGuardians: false,
        TeachersMayBroadcastToTheirClasses: true);
}
