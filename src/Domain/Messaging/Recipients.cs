using MonBureau.Domain.Common;

namespace MonBureau.Domain.Messaging;

/// <summary>How a sender names recipients: people one by one, or a whole audience resolved when the message is sent.</summary>
public enum RecipientKind
{
    Person,
    Class,
    Group,
    GuardiansOfClass,
    StaffRole,
}

/// <param name="Id">The person, class or group; none for a staff role.</param>
/// <param name="StaffRole">The role whose holders in the establishment receive it (e.g. the school-life office).</param>
public sealed record RecipientSelector(RecipientKind Kind, Guid? Id = null, Role? StaffRole = null)
{
    public bool IsBroadcast => Kind != RecipientKind.Person;
}
