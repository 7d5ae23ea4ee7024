namespace MonBureau.Domain.Notifications;

/// <summary>The French line a person reads, in the app and in e-mails, for one group of notifications.</summary>
public static class NotificationText
{
    public static string Summary(NotificationGroup group, string? actorName)
    {
        ArgumentNullException.ThrowIfNull(group);
        var count = group.Items.Count;
        var from = actorName is null ? "" : $" de {actorName}";
        return group.Kind switch
        {
            "message.received" => count == 1 ? $"Nouveau message{from}" : $"{count} nouveaux messages{from}",
            "homework.assigned" => count == 1 ? $"Nouveau travail à faire{from}" : $"{count} nouveaux travaux à faire{from}",
            "feedback.given" => count == 1 ? $"Travail corrigé{from}" : $"{count} travaux corrigés{from}",
            "punishment.given" => count == 1 ? $"Punition enregistrée{from}" : $"{count} punitions enregistrées{from}",
            "sanction.pronounced" => count == 1 ? "Sanction disciplinaire prononcée" : $"{count} sanctions disciplinaires prononcées",
            _ => count == 1 ? $"Nouvelle notification{from}" : $"{count} nouvelles notifications{from}",
        };
    }
}
