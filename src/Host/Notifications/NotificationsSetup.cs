namespace MonBureau.Host.Notifications;

public static class NotificationsSetup
{
    /// <summary>The e-mail channel runs only where a mail server is configured; notifications stay in the app otherwise.</summary>
    public static void AddNotificationMail(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (SmtpSettings.Read(builder.Configuration) is not { } smtp)
            return;
        builder.Services.AddSingleton(smtp);
        builder.Services.AddSingleton<IEmailChannel, SmtpEmailChannel>();
        builder.Services.AddSingleton(MailerSettings.From(builder.Configuration));
        builder.Services.AddHostedService<NotificationMailer>();
    }
}
