using Marten;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Messaging;
using MonBureau.Domain.Notifications;
using MonBureau.Projections.Notifications;
using MonBureau.Projections.People;
using Npgsql;

namespace MonBureau.Host.Notifications;

/// <param name="Interval">How often the mailer looks for notifications to send.</param>
/// <param name="DigestAt">Local time of the daily digest, before quiet hours start.</param>
public sealed record MailerSettings(TimeSpan Interval, TimeOnly DigestAt)
{
    public static MailerSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new MailerSettings(
            configuration.GetValue("MonBureau:Notifications:MailerInterval", TimeSpan.FromMinutes(1)),
            configuration.GetValue("MonBureau:Notifications:DigestAt", new TimeOnly(18, 0)));
    }
}

/// <summary>
/// Sends notifications by e-mail: settled immediate ones outside quiet hours, and the daily digest. Each notification
/// is marked before its e-mail leaves (at most once: a crash between the two loses an e-mail rather than sending it
/// twice), and one node at a time mails, under a PostgreSQL advisory lock.
/// </summary>
public sealed partial class NotificationMailer(
    IDocumentStore store, NpgsqlDataSource dataSource, IEmailChannel channel, TimeProvider clock, MailerSettings settings, ILogger<NotificationMailer> logger)
    : BackgroundService
{
    private const long LockKey = 0x4d42_4d41_494c; // "MBMAIL"
    private const int RoundSize = 5_000;
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            await Task.Delay(settings.Interval, stoppingToken);
        }
    }

    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await TryLockAsync(connection, cancellationToken))
            return;
        try
        {
            await SendDueAsync(cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteScalarAsync(CancellationToken.None);
        }
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        // Immediate and digest ones are read apart, so a day's digest backlog never holds up what must go now; what is
        // older than two days is not mailed any more (e.g. when the channel is switched on over an old backlog).
        var since = now - StaleAfter;
        var pending = new List<Notification>();
        foreach (var delivery in (NotificationPreference[])[NotificationPreference.Immediately, NotificationPreference.DailyDigest])
        {
            pending.AddRange(await session.Query<Notification>()
                .Where(n => n.EmailedAt == null && n.Delivery == delivery && n.OccurredAt >= since)
                .OrderBy(n => n.OccurredAt)
                .Take(RoundSize)
                .ToListAsync(cancellationToken));
        }

        var due = new List<(Notification Notification, TimeZoneInfo Zone)>();
        foreach (var establishment in pending.GroupBy(n => n.EstablishmentId))
        {
            var messaging = await session.LoadAsync<MessagingSettings>(establishment.Key, cancellationToken) ?? MessagingSettings.DefaultFor(establishment.Key);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(
                (await session.LoadAsync<Establishment>(establishment.Key, cancellationToken))?.TimeZone ?? EstablishmentDecisions.DefaultTimeZone);
            var byId = establishment.ToDictionary(n => n.Id);
            var dueHere = NotificationMail.DueNow(establishment.Select(n => new PendingMail(n.ToItem(), n.RecipientId, n.Delivery)), now, messaging.QuietHours, zone, settings.DigestAt);
            due.AddRange(dueHere.Select(p => (byId[p.Item.Id], zone)));
        }

        if (due.Count == 0)
            return;
        var recipients = due.Select(d => d.Notification.RecipientId).Distinct().ToArray();
        var addresses = (await session.LoadManyAsync<NotificationSettings>(cancellationToken, recipients))
            .Where(s => s.Email?.Value is not null)
            .ToDictionary(s => s.Id, s => s.Email!.Value!);
        var actors = due.Select(d => d.Notification.ActorId).OfType<Guid>().Distinct().ToArray();
        var names = (await session.LoadManyAsync<PersonDetails>(cancellationToken, actors))
            .ToDictionary(p => p.Id, p => p is { GivenName.Value: { } given, FamilyName.Value: { } family } ? $"{given} {family}" : null);

        var mails = new List<EmailMessage>();
        foreach (var recipient in due.GroupBy(d => d.Notification.RecipientId))
        {
            foreach (var (notification, _) in recipient)
                notification.EmailedAt = now;
            session.Store<Notification>([.. recipient.Select(r => r.Notification)]);
            if (!addresses.TryGetValue(recipient.Key, out var address))
                continue;
            var content = NotificationMail.Compose(
                [.. recipient.Select(r => new PendingMail(r.Notification.ToItem(), recipient.Key, r.Notification.Delivery))],
                actor => actor is { } id ? names.GetValueOrDefault(id) : null,
                recipient.First().Zone);
            mails.Add(new EmailMessage(address, content.Subject, content.Body));
        }

        await session.SaveChangesAsync(cancellationToken);
        foreach (var mail in mails)
        {
            try
            {
                await channel.SendAsync(mail, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSendFailed(logger, e.GetType().Name);
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A notification mailing round failed; the next round retries what was not marked")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    // The exception's message may quote the address: only its type is logged.
    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification e-mail could not be handed to the mail server ({ErrorType})")]
    private static partial void LogSendFailed(ILogger logger, string errorType);
}
