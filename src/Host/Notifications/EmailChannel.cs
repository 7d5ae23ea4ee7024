using MonBureau.Domain.Common;

namespace MonBureau.Host.Notifications;

/// <summary>An e-mail to one person; its text is their data, so it never appears in logs.</summary>
public sealed record EmailMessage(string To, string Subject, string Body) : Redacted;

/// <summary>The boundary of an outgoing channel: SMTP today, a push service can implement the same contract.</summary>
public interface IEmailChannel
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
