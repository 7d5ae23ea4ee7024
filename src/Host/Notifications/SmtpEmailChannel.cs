using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MonBureau.Host.Notifications;

/// <summary>Where and how e-mail leaves: <c>MonBureau:Smtp:*</c>. No host configured means no e-mail channel at all.</summary>
public sealed record SmtpSettings(string Host, int Port, string From, bool StartTls, string? UserName, string? Password)
{
    public static SmtpSettings? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("MonBureau:Smtp");
        var host = section["Host"];
        return string.IsNullOrWhiteSpace(host)
            ? null
            : new SmtpSettings(host, section.GetValue("Port", 25), section["From"] ?? "MonBureau <ne-pas-repondre@monbureau.local>",
                section.GetValue("StartTls", false), section["UserName"], section["Password"]);
    }
}

public sealed class SmtpEmailChannel(SmtpSettings settings) : IEmailChannel
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, cancellationToken);
        if (settings.UserName is { } user)
            await client.AuthenticateAsync(user, settings.Password ?? "", cancellationToken);
        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
