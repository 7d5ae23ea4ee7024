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
            "absence.recorded" => count == 1 ? $"Absence signalée{from}" : $"{count} absences signalées{from}",
            "lateness.recorded" => count == 1 ? $"Retard signalé{from}" : $"{count} retards signalés{from}",
            "justification.accepted" => count == 1 ? "Justificatif d'absence accepté" : $"{count} justificatifs d'absence acceptés",
            "justification.rejected" => count == 1 ? "Justificatif d'absence refusé" : $"{count} justificatifs d'absence refusés",
            "absenteeism.alert" => count == 1 ? "Alerte d'absentéisme : 4 demi-journées non justifiées dans le mois" : $"{count} alertes d'absentéisme",
            "agenda.scheduled" => count == 1 ? $"Nouvel événement à l'agenda{from}" : $"{count} nouveaux événements à l'agenda{from}",
            "agenda.changed" => count == 1 ? $"Événement de l'agenda modifié{from}" : $"{count} événements de l'agenda modifiés{from}",
            "agenda.cancelled" => count == 1 ? $"Événement de l'agenda annulé{from}" : $"{count} événements de l'agenda annulés{from}",
            "punishment.given" => count == 1 ? $"Punition enregistrée{from}" : $"{count} punitions enregistrées{from}",
            "sanction.pronounced" => count == 1 ? "Sanction disciplinaire prononcée" : $"{count} sanctions disciplinaires prononcées",
            "forum.post.reported" => count == 1 ? "Message signalé dans un forum" : $"{count} messages signalés dans les forums",
            "forum.post.pending" => count == 1 ? $"Message en attente de modération{from}" : $"{count} messages en attente de modération{from}",
            _ => count == 1 ? $"Nouvelle notification{from}" : $"{count} nouvelles notifications{from}",
        };
    }
}
