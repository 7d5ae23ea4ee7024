using MonBureau.Domain.Certificates;
using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Tests;

public class CertificateDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 28);
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();
    private static readonly SchoolClass Class = new(Guid.CreateVersion7(), EstablishmentId, "2nde 1", new SchoolYear(2026));

    private static Person Registered()
    {
        var id = Guid.CreateVersion7();
        return Person.Create(new PersonRegistered(id, PersonalData.Of(id, "Prénom"), PersonalData.Of(id, "Nom")));
    }

    private static Person Student()
    {
        var person = Registered();
        return person.Apply(new StudentEnrolled(person.Id, EstablishmentId, Class.Id));
    }

    private static Person GuardianOf(Person student)
    {
        var person = Registered();
        return person.Apply(new GuardianshipEstablished(person.Id, student.Id, EstablishmentId, new GuardianRights(true, true, true)));
    }

    private static SchoolingCertificateIssued Issue(Role role, Person requester, Person student) =>
        SchoolingCertificateDecisions.Issue(Guid.CreateVersion7(), new IssueSchoolingCertificate(student.Id), role, EstablishmentId, requester, student, Class, Today, Now);

    [Fact]
    public void A_student_gets_their_own_certificate_for_their_class_and_school_year()
    {
        var student = Student();

        var issued = Issue(Role.Student, student, student);

        Assert.Equal((student.Id, Class.Id, new SchoolYear(2026), student.Id, Today), (issued.StudentId, issued.ClassId, issued.SchoolYear, issued.IssuedTo, issued.IssuedOn));
    }

    [Fact]
    public void A_guardian_gets_their_child_s_certificate_and_not_another_child_s()
    {
        var child = Student();
        var guardian = GuardianOf(child);

        Assert.Equal(guardian.Id, Issue(Role.Guardian, guardian, child).IssuedTo);
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() => Issue(Role.Guardian, guardian, Student())).Code);
    }

    [Theory]
    [InlineData(Role.Teacher)]
    [InlineData(Role.SchoolLifeOffice)]
    public void Staff_do_not_download_certificates_here(Role role) =>
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() => Issue(role, Registered(), Student())).Code);

    [Fact]
    public void Another_student_is_refused() =>
        Assert.Equal(ErrorCodes.Forbidden, Assert.Throws<BusinessRuleException>(() => Issue(Role.Student, Student(), Student())).Code);
}
