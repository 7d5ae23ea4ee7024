namespace MonBureau.Domain.Notifications;

/// <summary>One thing that happened, for one person to hear about.</summary>
/// <param name="Kind">What happened, e.g. <c>homework.assigned</c>.</param>
/// <param name="ActorId">Who did it; a burst from one person about one kind of thing becomes one notification.</param>
public sealed record NotificationItem(Guid Id, NotificationCategory Category, string Kind, Guid? ActorId, Guid SourceId, DateTimeOffset OccurredAt);

public sealed record NotificationGroup(NotificationCategory Category, string Kind, Guid? ActorId, IReadOnlyList<NotificationItem> Items)
{
    public DateTimeOffset LatestAt => Items[^1].OccurredAt;
}

public static class NotificationGrouping
{
    /// <summary>Ten homework items posted in a few minutes tell the family once, not ten times.</summary>
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);

    /// <summary>Items of the same kind by the same actor, each within <see cref="BurstWindow"/> of the group's first, form one group; newest group first.</summary>
    public static IReadOnlyList<NotificationGroup> Group(IEnumerable<NotificationItem> items)
    {
        var groups = new List<NotificationGroup>();
        var open = new Dictionary<(string Kind, Guid? ActorId), List<NotificationItem>>();
        foreach (var item in items.DistinctBy(i => i.Id).OrderBy(i => i.OccurredAt))
        {
            var key = (item.Kind, item.ActorId);
            if (open.TryGetValue(key, out var current) && item.OccurredAt - current[0].OccurredAt <= BurstWindow)
            {
                current.Add(item);
                continue;
            }

            current = [item];
            open[key] = current;
            groups.Add(new NotificationGroup(item.Category, item.Kind, item.ActorId, current));
        }

        return [.. groups.OrderByDescending(g => g.LatestAt)];
    }
}
