using Marten.Events.Aggregation;
using MonBureau.Domain.Messaging;

namespace MonBureau.Projections.Messaging;

public sealed class MessageTemplateView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid? OwnerId { get; set; }
    public string Name { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public bool Retired { get; set; }
}

public partial class MessageTemplateProjection : SingleStreamProjection<MessageTemplateView, Guid>
{
    public static MessageTemplateView Create(MessageTemplateCreated e) => new()
    {
        Id = e.TemplateId, EstablishmentId = e.EstablishmentId, OwnerId = e.OwnerId, Name = e.Name, Subject = e.Subject, Body = e.Body,
    };

    public void Apply(MessageTemplateRetired e, MessageTemplateView template) => template.Retired = true;
}
