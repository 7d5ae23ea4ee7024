using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Notifications;

namespace MonBureau.Application.WriteModels;

/// <summary>On the person's stream, started by their first choice.</summary>
public partial class NotificationSettingsState : SingleStreamProjection<NotificationSettings, Guid>
{
    public static NotificationSettings Create(NotificationPreferenceSet e) => NotificationSettings.Create(e.PersonId).Apply(e);

    public static NotificationSettings Create(NotificationEmailSet e) => NotificationSettings.Create(e.PersonId).Apply(e);

    public NotificationSettings Apply(NotificationPreferenceSet e, NotificationSettings settings) => settings.Apply(e);

    public NotificationSettings Apply(NotificationEmailSet e, NotificationSettings settings) => settings.Apply(e);
}

public static class NotificationWriteModelsSetup
{
    public static void AddNotificationWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<NotificationSettingsState>(ProjectionLifecycle.Inline);
    }
}
