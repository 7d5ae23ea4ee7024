using MonBureau.Domain.Classes;
using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Certificates;

/// <summary>Asks for a certificate of schooling (certificat de scolarité) of a student, generated on request.</summary>
public sealed record IssueSchoolingCertificate(Guid StudentId);

/// <summary>One certificate was issued: to whom, for which student, class and school year. Ids and dates only.</summary>
public sealed record SchoolingCertificateIssued(
    Guid CertificateId,
    Guid EstablishmentId,
    Guid StudentId,
    Guid ClassId,
    SchoolYear SchoolYear,
    Guid IssuedTo,
    Role IssuedToRole,
    DateOnly IssuedOn,
    DateTimeOffset IssuedAt) : IEstablishmentScoped;

public static class SchoolingCertificateDecisions
{
    /// <summary>
    /// The student asks for themself, or one of their guardians asks, in the establishment where the student is
    /// enrolled. Anybody else is refused the same way whether or not the student exists.
    /// </summary>
    /// <param name="requester">The requester's record; null when they have none.</param>
    public static SchoolingCertificateIssued Issue(
        Guid newId, IssueSchoolingCertificate command, Role requesterRole, Guid? requesterEstablishmentId, Person? requester,
        Person? student, SchoolClass? schoolClass, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var allowed = requesterEstablishmentId is { } establishmentId && requester is not null && student is not null
            && student.Holds(Role.Student, establishmentId)
            && requesterRole switch
            {
                Role.Student => requester.Id == student.Id,
                Role.Guardian => requester.Children.Any(c => c.StudentId == student.Id && c.EstablishmentId == establishmentId),
                _ => false,
            };
        if (!allowed)
            throw BusinessRuleException.Forbidden();
        if (schoolClass is null || schoolClass.Id != student!.ClassId)
            throw BusinessRuleException.NotFound("Class");

        return new SchoolingCertificateIssued(
            newId, schoolClass.EstablishmentId, student.Id, schoolClass.Id, schoolClass.SchoolYear, requester!.Id, requesterRole, today, now);
    }
}
