using System.Globalization;
using System.Text;
using MonBureau.Domain.Messaging;

namespace MonBureau.Domain.Notifications;

/// <summary>A notification waiting for the e-mail channel, with how its recipient wants it.</summary>
public sealed record PendingMail(NotificationItem Item, Guid RecipientId, NotificationPreference Delivery);

public sealed record MailContent(string Subject, string Body);

/// <summary>When notifications go out by e-mail, and what the e-mail says.</summary>
public static class NotificationMail
{
    /// <summary>A notification waits this long so a burst still arriving leaves in the same e-mail.</summary>
    public static readonly TimeSpan SettleDelay = TimeSpan.FromMinutes(2);

    /// <summary>
    /// What may leave now in one establishment: nothing inside its quiet hours; immediate ones once settled; the daily
    /// digest from <paramref name="digestAt"/> local time, with everything that happened before that time today.
    /// </summary>
    public static IReadOnlyList<PendingMail> DueNow(
        IEnumerable<PendingMail> pending, DateTimeOffset now, QuietHours quietHours, TimeZoneInfo zone, TimeOnly digestAt)
    {
        ArgumentNullException.ThrowIfNull(quietHours);
        ArgumentNullException.ThrowIfNull(zone);
        if (quietHours.DeliveryTime(now, zone) != now)
            return [];
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var digestTime = local.Date.Add(digestAt.ToTimeSpan());
        var todaysDigest = new DateTimeOffset(digestTime, zone.GetUtcOffset(digestTime));
        return [.. pending.Where(p => p.Delivery switch
        {
            NotificationPreference.Immediately => now - p.Item.OccurredAt >= SettleDelay,
            NotificationPreference.DailyDigest => now >= todaysDigest && p.Item.OccurredAt < todaysDigest,
            _ => false,
        })];
    }

    /// <summary>One e-mail per person and round: the groups, newest first; a digest says it is one.</summary>
    public static MailContent Compose(IReadOnlyList<PendingMail> items, Func<Guid?, string?> actorName, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(actorName);
        var groups = NotificationGrouping.Group(items.Select(i => i.Item));
        var digest = items.All(i => i.Delivery == NotificationPreference.DailyDigest);
        var lines = groups.Select(g => (Text: NotificationText.Summary(g, actorName(g.ActorId)), g.LatestAt)).ToList();
        var subject = digest
            ? $"MonBureau – votre résumé du jour ({lines.Count})"
            : lines.Count == 1 ? $"MonBureau – {lines[0].Text}" : $"MonBureau – {lines.Count} nouvelles notifications";
        var body = new StringBuilder(digest ? "Votre résumé de la journée :\n\n" : "Bonjour,\n\n");
        foreach (var (text, at) in lines)
            body.Append(CultureInfo.InvariantCulture, $"• {text} ({TimeZoneInfo.ConvertTime(at, zone):dd/MM HH:mm})\n");
        body.Append("\nConnectez-vous à MonBureau pour en savoir plus. Vos préférences de notification se règlent dans votre profil.\n");
        return new MailContent(subject, body.ToString());
    }
}
