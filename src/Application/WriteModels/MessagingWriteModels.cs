using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Establishments;
using MonBureau.Application.Messaging;
using MonBureau.Domain.Messaging;

namespace MonBureau.Application.WriteModels;

public partial class MessageThreadState : SingleStreamProjection<MessageThread, Guid>
{
    public static MessageThread Create(ThreadStarted e) => MessageThread.Create(e);

    public MessageThread Apply(MessagePosted e, MessageThread thread) => thread.Apply(e);

    public MessageThread Apply(MessageDelivered e, MessageThread thread) => thread.Apply(e);

    public MessageThread Apply(MessageRead e, MessageThread thread) => thread.Apply(e);

    public MessageThread Apply(MessageRecalled e, MessageThread thread) => thread.Apply(e);

    public MessageThread Apply(ThreadDeletedForParticipant e, MessageThread thread) => thread.Apply(e);

    public MessageThread Apply(ThreadPurged e, MessageThread thread) => thread.Apply(e);
}

/// <summary>
/// On the establishment's stream. Establishments opened before messaging existed have no document until their first
/// setting changes, hence a Create for each setting event; readers fall back to the defaults meanwhile.
/// </summary>
public partial class MessagingSettingsState : SingleStreamProjection<MessagingSettings, Guid>
{
    public static MessagingSettings Create(EstablishmentOpened e) => MessagingSettings.DefaultFor(e.EstablishmentId);

    public static MessagingSettings Create(QuietHoursSet e) => MessagingSettings.DefaultFor(e.EstablishmentId).Apply(e);

    public static MessagingSettings Create(MessagingRulesSet e) => MessagingSettings.DefaultFor(e.EstablishmentId).Apply(e);

    public MessagingSettings Apply(QuietHoursSet e, MessagingSettings settings) => settings.Apply(e);

    public MessagingSettings Apply(MessagingRulesSet e, MessagingSettings settings) => settings.Apply(e);
}

public partial class MessageTemplateState : SingleStreamProjection<MessageTemplate, Guid>
{
    public static MessageTemplate Create(MessageTemplateCreated e) => MessageTemplate.Create(e);

    public MessageTemplate Apply(MessageTemplateRetired e, MessageTemplate template) => template.Apply(e);
}

public static class MessagingWriteModelsSetup
{
    public static void AddMessagingWriteModels(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<MessageThreadState>(ProjectionLifecycle.Inline);
        options.Projections.Add<MessagingSettingsState>(ProjectionLifecycle.Inline);
        options.Projections.Add<MessageTemplateState>(ProjectionLifecycle.Inline);
        options.Events.AddMaskingRuleForProtectedInformation<ThreadStarted>(MessagePurge.WithoutSubject);
        options.Events.AddMaskingRuleForProtectedInformation<MessagePosted>(MessagePurge.WithoutBody);
    }
}
