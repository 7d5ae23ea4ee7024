using System.Security.Cryptography;
using System.Text;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.CalendarFeeds;

/// <summary>
/// A personal iCalendar subscription URL for one person in one profile. Only a hash of the URL's secret is ever
/// recorded: the secret itself is shown once, to its owner, and cannot be recovered from the store.
/// </summary>
public sealed record CalendarFeedOpened(Guid FeedId, Guid OwnerId, Role Role, Guid EstablishmentId, string TokenHash, DateTimeOffset OpenedAt) : IEstablishmentScoped;

/// <summary>A new secret replaces the old one, which stops working at once.</summary>
public sealed record CalendarFeedRotated(Guid FeedId, Guid EstablishmentId, string TokenHash, DateTimeOffset RotatedAt) : IEstablishmentScoped;

public sealed record CalendarFeedRevoked(Guid FeedId, Guid EstablishmentId, DateTimeOffset RevokedAt) : IEstablishmentScoped;

/// <summary>Commands carry the secret's hash, never the secret: the API draws the secret and keeps it out of the message bus.</summary>
public sealed record OpenCalendarFeed(string TokenHash) : Redacted;

public sealed record RotateCalendarFeed(string TokenHash) : Redacted;

public sealed record RevokeCalendarFeed;

public sealed record CalendarFeed(Guid Id, Guid EstablishmentId, bool Active)
{
    public static CalendarFeed Create(CalendarFeedOpened e) => new(e.FeedId, e.EstablishmentId, true);

    public CalendarFeed Apply(CalendarFeedOpened e) => this with { Active = true };

    public CalendarFeed Apply(CalendarFeedRevoked e) => this with { Active = false };
}

public static class CalendarFeedDecisions
{
    /// <summary>A SHA-256 in hexadecimal: 64 characters.</summary>
    public const int TokenHashLength = 64;

    /// <summary>One feed per person and profile, so its stream is found again without a lookup.</summary>
    public static Guid FeedIdFor(Guid ownerId, Role role, Guid establishmentId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"monbureau-calendar-feed:{ownerId:N}:{role}:{establishmentId:N}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    public static CalendarFeedOpened Open(Guid feedId, OpenCalendarFeed command, CalendarFeed? existing, Guid ownerId, Role role, Guid establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (existing is { Active: true })
            throw new BusinessRuleException(ErrorCodes.Conflict, "You already have a calendar feed: rotate it to get a new address.");
        return new CalendarFeedOpened(feedId, ownerId, role, establishmentId, Hash(command.TokenHash), now);
    }

    public static CalendarFeedRotated Rotate(RotateCalendarFeed command, CalendarFeed? existing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var feed = Active(existing);
        return new CalendarFeedRotated(feed.Id, feed.EstablishmentId, Hash(command.TokenHash), now);
    }

    public static CalendarFeedRevoked Revoke(CalendarFeed? existing, DateTimeOffset now)
    {
        var feed = Active(existing);
        return new CalendarFeedRevoked(feed.Id, feed.EstablishmentId, now);
    }

    private static CalendarFeed Active(CalendarFeed? existing) =>
        existing is { Active: true } ? existing : throw BusinessRuleException.NotFound("Calendar feed");

    private static string Hash(string tokenHash) =>
        tokenHash is { Length: TokenHashLength } && tokenHash.All(Uri.IsHexDigit)
            ? tokenHash.ToLowerInvariant()
            : throw BusinessRuleException.Invalid("The token hash must be a SHA-256 in hexadecimal.");
}
