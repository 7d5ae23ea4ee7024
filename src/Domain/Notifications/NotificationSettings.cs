using MonBureau.Domain.Common;

namespace MonBureau.Domain.Notifications;

/// <summary>On the person's stream.</summary>
public sealed record NotificationPreferenceSet(Guid PersonId, NotificationCategory Category, NotificationPreference Preference);

/// <summary>Where e-mail notifications go; the address is the person's data, sealed under their key.</summary>
public sealed record NotificationEmailSet(Guid PersonId, PersonalData? Email);

public sealed record SetNotificationPreference(NotificationCategory Category, NotificationPreference Preference);

public sealed record SetNotificationEmail(string? Email) : Redacted;

/// <summary>A person's choices; until they choose, <see cref="Defaults"/> apply.</summary>
public sealed record NotificationSettings(Guid Id, IReadOnlyDictionary<NotificationCategory, NotificationPreference> Chosen, PersonalData? Email)
{
    /// <summary>
    /// Guardians start from « essentials only » — absences, discipline and messages at once, returned work in the
    /// evening digest, homework and agenda left to the app — because families said they were flooded. Everyone else
    /// hears everything at once until they choose otherwise.
    /// </summary>
    public static NotificationPreference Defaults(NotificationCategory category, bool guardian) => !guardian
        ? NotificationPreference.Immediately
        : category switch
        {
            NotificationCategory.Absences or NotificationCategory.Discipline or NotificationCategory.Messages => NotificationPreference.Immediately,
            NotificationCategory.Feedback => NotificationPreference.DailyDigest,
            _ => NotificationPreference.Off,
        };

    public static NotificationSettings Create(Guid personId) => new(personId, new Dictionary<NotificationCategory, NotificationPreference>(), null);

    public NotificationPreference For(NotificationCategory category, bool guardian) =>
        Chosen.TryGetValue(category, out var chosen) ? chosen : Defaults(category, guardian);

    public NotificationSettings Apply(NotificationPreferenceSet e) =>
        this with { Chosen = new Dictionary<NotificationCategory, NotificationPreference>(Chosen) { [e.Category] = e.Preference } };

    public NotificationSettings Apply(NotificationEmailSet e) => this with { Email = e.Email };
}
