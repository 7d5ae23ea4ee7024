namespace MonBureau.Domain.Common;

/// <summary>The profile in which someone acts. One person may hold several (a teacher who is also a parent).</summary>
public enum Role
{
    Student,
    Guardian,
    Teacher,
    SchoolLifeOffice,
    Direction,
    PrivacyOfficer,
    EstablishmentAdministrator,
    RegionAdministrator,
    System,
}
