using System.Security.Cryptography;
using Marten;
using MonBureau.Domain.Common;
using MonBureau.Domain.Notifications;
using MonBureau.Domain.People;

namespace MonBureau.Projections.Notifications;

/// <summary>Turns what happened into notifications for the people concerned, following each person's preferences.</summary>
internal static class NotificationFanOut
{
    /// <summary>
    /// Stores one notification per notice and recipient (the author excepted) whose preference is not « off »; the
    /// recipients' records and preferences of the whole page come from one batched query.
    /// </summary>
    public static async Task NotifyAsync(
        IDocumentOperations operations, IReadOnlyList<Notice> notices, IReadOnlyList<IReadOnlyList<Guid>> recipients, CancellationToken cancellation)
    {
        var told = notices.Select((notice, i) => (Notice: notice, People: recipients[i].Where(r => r != notice.ActorId).Distinct().ToArray())).ToList();
        var everyone = told.SelectMany(t => t.People).Distinct().ToArray();
        if (everyone.Length == 0)
            return;
        var batch = operations.CreateBatchQuery();
        var loadingRecords = batch.LoadMany<Person>().ById(everyone);
        var loadingSettings = batch.LoadMany<NotificationSettings>().ById(everyone);
        await batch.Execute(cancellation);
        var records = (await loadingRecords).ToDictionary(p => p.Id);
        var settings = (await loadingSettings).ToDictionary(s => s.Id);
        foreach (var (notice, people) in told)
        {
            foreach (var person in people)
            {
                var guardian = records.TryGetValue(person, out var record) && record.Holds(Role.Guardian, notice.EstablishmentId);
                var preference = (settings.GetValueOrDefault(person) ?? NotificationSettings.Create(person)).For(notice.Category, guardian);
                if (preference == NotificationPreference.Off)
                    continue;
                operations.Store(new Notification
                {
                    Id = IdFor(notice.Source.Id, person),
                    RecipientId = person,
                    EstablishmentId = notice.EstablishmentId,
                    Category = notice.Category,
                    Kind = notice.Kind,
                    ActorId = notice.ActorId,
                    SourceId = notice.SourceId,
                    OccurredAt = notice.Source.Timestamp,
                    Delivery = preference,
                });
            }
        }
    }

    private static Guid IdFor(Guid eventId, Guid personId)
    {
        Span<byte> input = stackalloc byte[32];
        eventId.TryWriteBytes(input[..16]);
        personId.TryWriteBytes(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return new Guid(hash[..16]);
    }
}
