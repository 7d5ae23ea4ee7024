using MonBureau.Domain.Common;

namespace MonBureau.Domain.People;

/// <summary>One identity per human being, whatever profiles they hold and in however many establishments.</summary>
public sealed record PersonRegistered(Guid PersonId, PersonalData GivenName, PersonalData FamilyName);

/// <summary>The person's name was corrected at their request (rectification, RGPD art. 16); who did it is in the envelope.</summary>
public sealed record IdentityRectified(Guid PersonId, PersonalData GivenName, PersonalData FamilyName);

/// <param name="EffectiveAt">When the student joined the class, if before the enrolment was recorded (a roll entered after the
/// rentrée); null means when recorded. The login-rate indicator counts the student in the class from then.</param>
public sealed record StudentEnrolled(Guid PersonId, Guid EstablishmentId, Guid ClassId, DateTimeOffset? EffectiveAt = null) : IEstablishmentScoped;

public sealed record TeacherAppointed(Guid PersonId, Guid EstablishmentId) : IEstablishmentScoped;

/// <summary>Region-level operators (académie, région) open establishments; their profile belongs to no establishment.</summary>
public sealed record RegionAdministratorAppointed(Guid PersonId);

/// <summary>A staff profile other than teacher: school-life office (CPE), direction, privacy officer, administrator.</summary>
public sealed record StaffAppointed(Guid PersonId, Guid EstablishmentId, Role Role) : IEstablishmentScoped;

/// <summary>What a guardian may do for one child (autorité parentale, délégation): recorded per child.</summary>
public sealed record GuardianRights(bool LegalGuardian, bool MayJustifyAbsences, bool ReceivesSchoolLifeNotices);

/// <summary>On the guardian's stream: one identity, however many children in however many establishments.</summary>
/// <param name="EffectiveAt">When the link began, if before it was recorded (family links entered after the rentrée); null means
/// when recorded. The guardian consultation rate counts the guardian from then.</param>
public sealed record GuardianshipEstablished(Guid GuardianId, Guid StudentId, Guid EstablishmentId, GuardianRights Rights, DateTimeOffset? EffectiveAt = null) : IEstablishmentScoped;

public sealed record Guardianship(Guid StudentId, Guid EstablishmentId, GuardianRights Rights);

public sealed record GuardianshipEnded(Guid GuardianId, Guid StudentId, Guid EstablishmentId) : IEstablishmentScoped;

public sealed record StudentChangedClass(Guid PersonId, Guid EstablishmentId, Guid ClassId) : IEstablishmentScoped;

/// <summary>The student is no longer on the establishment's roll (changed school, finished): their profile there ends.</summary>
public sealed record StudentLeftEstablishment(Guid PersonId, Guid EstablishmentId) : IEstablishmentScoped;

public sealed record Profile(Role Role, Guid EstablishmentId)
{
    /// <summary>The establishment of a region-level profile: none.</summary>
    public static readonly Guid RegionWide = Guid.Empty;
}

public sealed record Person(Guid Id, IReadOnlyList<Profile> Profiles, Guid? ClassId, IReadOnlyList<Guardianship> Children, IReadOnlyList<Teaching> Teachings)
{
    public static Person Create(PersonRegistered e) => new(e.PersonId, [], null, [], []);

    public Person Apply(StudentEnrolled e) =>
        this with { Profiles = With(Role.Student, e.EstablishmentId), ClassId = e.ClassId };

    public Person Apply(TeacherAppointed e) => this with { Profiles = With(Role.Teacher, e.EstablishmentId) };

    public Person Apply(StaffAppointed e) => this with { Profiles = With(e.Role, e.EstablishmentId) };

    public Person Apply(RegionAdministratorAppointed e) => this with { Profiles = With(Role.RegionAdministrator, Profile.RegionWide) };

    public Person Apply(GuardianshipEstablished e) => this with
    {
        Profiles = With(Role.Guardian, e.EstablishmentId),
        Children = [.. Children.Where(c => c.StudentId != e.StudentId), new Guardianship(e.StudentId, e.EstablishmentId, e.Rights)],
    };

    public Person Apply(StudentChangedClass e) => this with { ClassId = e.ClassId };

    public Person Apply(StudentLeftEstablishment e) =>
        this with { Profiles = [.. Profiles.Where(p => p != new Profile(Role.Student, e.EstablishmentId))], ClassId = null };

    public Person Apply(GuardianshipEnded e)
    {
        var children = Children.Where(c => c.StudentId != e.StudentId).ToList();
        var stillGuardianThere = children.Any(c => c.EstablishmentId == e.EstablishmentId);
        return this with
        {
            Children = children,
            Profiles = stillGuardianThere ? Profiles : [.. Profiles.Where(p => p != new Profile(Role.Guardian, e.EstablishmentId))],
        };
    }

    public Person Apply(TeachingAssigned e) => this with { Teachings = [.. Teachings, new Teaching(e.TeachingUnitId, e.Subject)] };

    public Person Apply(TeachingWithdrawn e) =>
        this with { Teachings = [.. Teachings.Where(t => !(t.TeachingUnitId == e.TeachingUnitId && TeachingDecisions.SameSubject(t.Subject, e.Subject)))] };

    public bool Teaches(Guid teachingUnitId) => Teachings.Any(t => t.TeachingUnitId == teachingUnitId);

    public bool Teaches(Guid teachingUnitId, string subject) =>
        Teachings.Any(t => t.TeachingUnitId == teachingUnitId && TeachingDecisions.SameSubject(t.Subject, subject));

    public bool Holds(Role role, Guid establishmentId) => Profiles.Contains(new Profile(role, establishmentId));

    private Profile[] With(Role role, Guid establishmentId) =>
        Holds(role, establishmentId) ? [.. Profiles] : [.. Profiles, new Profile(role, establishmentId)];
}
