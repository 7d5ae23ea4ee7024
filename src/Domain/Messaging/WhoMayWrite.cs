using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Messaging;

/// <summary>The person writing, in the profile they act in.</summary>
public sealed record Sender(Person Person, Role Role, Guid EstablishmentId)
{
    public Guid Id => Person.Id;

    public bool IsStaff => WhoMayWrite.IsStaff(Role);
}

/// <summary>What the rules need to know about the people a message involves: their records and the classes and groups of students.</summary>
public sealed record MessagingDirectory(IReadOnlyDictionary<Guid, Person> People, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> StudentUnits)
{
    public Person? Find(Guid personId) => People.GetValueOrDefault(personId);

    public IReadOnlyList<Guid> UnitsOf(Guid studentId) => StudentUnits.GetValueOrDefault(studentId) ?? [];
}

/// <summary>
/// Sane defaults every establishment starts from (docs/messaging.md): staff write to anyone and broadcast; everybody may
/// write to the school-life office and direction; teachers reach the students and families of the classes they teach;
/// students and guardians reach their own teachers; the rest depends on <see cref="MessagingRules"/>.
/// </summary>
public static class WhoMayWrite
{
    /// <summary>Offices whose holders anyone of the establishment may contact.</summary>
    public static bool IsOpenOffice(Role role) => role is Role.SchoolLifeOffice or Role.Direction;

    public static bool IsStaff(Role role) =>
        role is Role.SchoolLifeOffice or Role.Direction or Role.EstablishmentAdministrator or Role.PrivacyOfficer;

    public static bool MaySelect(Sender sender, RecipientSelector selector, MessagingRules rules)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(rules);
        if (sender.IsStaff)
            return true;
        return selector.Kind switch
        {
            RecipientKind.StaffRole => sender.Role == Role.Teacher || selector.StaffRole is { } role && IsOpenOffice(role),
            RecipientKind.Class or RecipientKind.Group or RecipientKind.GuardiansOfClass =>
                sender.Role == Role.Teacher && rules.TeachersMayBroadcastToTheirClasses && selector.Id is { } unit && sender.Person.Teaches(unit),
            _ => false,
        };
    }

    public static bool MayWriteTo(Sender sender, Person recipient, MessagingRules rules, MessagingDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(directory);
        return recipient.Profiles
            .Where(p => p.EstablishmentId == sender.EstablishmentId)
            .Any(p => sender.IsStaff || IsOpenOffice(p.Role) || MayReach(sender, recipient, p.Role, rules, directory));
    }

    private static bool MayReach(Sender sender, Person recipient, Role recipientRole, MessagingRules rules, MessagingDirectory directory) =>
        (sender.Role, recipientRole) switch
        {
            (Role.Teacher, Role.Teacher or Role.EstablishmentAdministrator or Role.PrivacyOfficer) => true,
            (Role.Teacher, Role.Student) => TeachesStudent(sender.Person, recipient.Id, directory),
            (Role.Teacher, Role.Guardian) => ChildrenIn(recipient, sender.EstablishmentId).Any(c => TeachesStudent(sender.Person, c, directory)),
            (Role.Student, Role.Teacher) => rules.StudentsMayWriteToTheirTeachers && TeachesStudent(recipient, sender.Id, directory),
            (Role.Student, Role.Student) => rules.StudentsMayWriteToStudents,
            (Role.Student, Role.Guardian) => ChildrenIn(recipient, sender.EstablishmentId).Contains(sender.Id),
            (Role.Guardian, Role.Teacher) => rules.GuardiansMayWriteToTheirChildrensTeachers &&
                                             ChildrenIn(sender.Person, sender.EstablishmentId).Any(c => TeachesStudent(recipient, c, directory)),
            (Role.Guardian, Role.Guardian) => rules.GuardiansMayWriteToGuardians,
            (Role.Guardian, Role.Student) => ChildrenIn(sender.Person, sender.EstablishmentId).Contains(recipient.Id),
            _ => false,
        };

    private static bool TeachesStudent(Person teacher, Guid studentId, MessagingDirectory directory) =>
        directory.UnitsOf(studentId).Any(teacher.Teaches);

    private static IEnumerable<Guid> ChildrenIn(Person guardian, Guid establishmentId) =>
        guardian.Children.Where(c => c.EstablishmentId == establishmentId).Select(c => c.StudentId);
}
