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

public static class RoleRules
{
    /// <summary>Profiles that see many people's data sign in with a second factor (TOTP), always.</summary>
    public static bool RequiresSecondFactor(this Role role) =>
        role is Role.SchoolLifeOffice or Role.Direction or Role.PrivacyOfficer or Role.EstablishmentAdministrator or Role.RegionAdministrator;
}
