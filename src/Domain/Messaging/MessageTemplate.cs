using MonBureau.Domain.Common;

namespace MonBureau.Domain.Messaging;

/// <summary>
/// A reusable message (« rappel sortie », « convocation réunion ») for staff. Like resources, a template is the school's
/// text, not anyone's personal data, so it stays plain. <c>OwnerId</c> null: the whole establishment's.
/// </summary>
public sealed record MessageTemplateCreated(Guid TemplateId, Guid EstablishmentId, Guid? OwnerId, string Name, string Subject, string Body, DateTimeOffset CreatedAt)
    : IEstablishmentScoped;

public sealed record MessageTemplateRetired(Guid TemplateId, Guid EstablishmentId, DateTimeOffset RetiredAt) : IEstablishmentScoped;

public sealed record CreateMessageTemplate(string Name, string Subject, string Body, bool ForEstablishment);

public sealed record RetireMessageTemplate(Guid TemplateId);

public sealed record MessageTemplate(Guid Id, Guid EstablishmentId, Guid? OwnerId, bool Retired)
{
    public static MessageTemplate Create(MessageTemplateCreated e) => new(e.TemplateId, e.EstablishmentId, e.OwnerId, false);

    public MessageTemplate Apply(MessageTemplateRetired e) => this with { Retired = true };
}

public static class MessageTemplateDecisions
{
    /// <summary>Any staff member keeps their own templates; the school-life office, direction and administrators also write the establishment's.</summary>
    public static MessageTemplateCreated Create(Guid id, CreateMessageTemplate command, Role role, Guid actorId, Guid establishmentId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (role is not (Role.Teacher or Role.SchoolLifeOffice or Role.Direction or Role.EstablishmentAdministrator))
            throw BusinessRuleException.Forbidden();
        if (command.ForEstablishment && role == Role.Teacher)
            throw BusinessRuleException.Invalid("Establishment templates are written by the school-life office, direction or an administrator; keep this one as your own.");
        return new MessageTemplateCreated(
            id, establishmentId, command.ForEstablishment ? null : actorId,
            Require.Text(command.Name, "Name", 100), Require.Text(command.Subject, "Subject", 200), Require.Text(command.Body, "Body", 20_000), now);
    }

    /// <summary>Its owner retires a personal template; the establishment's offices retire shared ones. Retired templates stay on record.</summary>
    public static MessageTemplateRetired Retire(MessageTemplate? template, Role role, Guid actorId, Guid establishmentId, DateTimeOffset now)
    {
        if (template is null || template.EstablishmentId != establishmentId || (template.OwnerId is { } owner && owner != actorId))
            throw BusinessRuleException.NotFound("Template");
        if (template.OwnerId is null && role is not (Role.SchoolLifeOffice or Role.Direction or Role.EstablishmentAdministrator))
            throw BusinessRuleException.Forbidden();
        if (template.Retired)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This template was already retired.");
        return new MessageTemplateRetired(template.Id, establishmentId, now);
    }
}
