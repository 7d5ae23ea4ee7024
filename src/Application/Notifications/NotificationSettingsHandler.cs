using System.Net.Mail;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Notifications;

namespace MonBureau.Application.Notifications;

/// <summary>Each person chooses for themself how they are told; the choices are events on their own stream.</summary>
public static class NotificationSettingsHandler
{
    public static Guid Handle(SetNotificationPreference command, IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(session);
        var me = Me();
        session.Events.Append(me, new NotificationPreferenceSet(me, command.Category, command.Preference));
        return me;
    }

    public static Guid Handle(SetNotificationEmail command, IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(session);
        var me = Me();
        var email = string.IsNullOrWhiteSpace(command.Email) ? null : Require.Text(command.Email, "E-mail", 254);
        if (email is not null && !MailAddress.TryCreate(email, out _))
            throw BusinessRuleException.Invalid("This is not an e-mail address.");
        session.Events.Append(me, new NotificationEmailSet(me, email is null ? null : PersonalData.Of(me, email)));
        return me;
    }

    private static Guid Me()
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        return actor.IsSystem ? throw BusinessRuleException.Forbidden() : actor.Id;
    }
}
