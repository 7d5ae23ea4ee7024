using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portal;

namespace MonBureau.Application.Portal;

/// <summary>The connector catalogue and each establishment's settings; who may is decided in <see cref="PortalDecisions"/>.</summary>
public static class PortalHandler
{
    public static Guid Handle(RegisterConnector command, IDocumentSession session, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(session);
        var actor = ActingContext.Require(Role.RegionAdministrator);
        var registered = PortalDecisions.Register(Guid.CreateVersion7(), command, actor.Id, clock.GetUtcNow());
        session.Events.StartStream<Connector>(registered.ConnectorId, registered);
        return registered.ConnectorId;
    }

    public static async Task<Guid> Handle(ApproveConnector command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var approved = PortalDecisions.Approve(command, Editor(), await session.Events.FetchLatest<Connector>(command.ConnectorId, cancellationToken), clock.GetUtcNow());
        await AppendAsync(session, approved.SettingId, approved, cancellationToken);
        return approved.SettingId;
    }

    public static async Task<Guid> Handle(RefuseConnector command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var refused = PortalDecisions.Refuse(command, Editor(), await session.Events.FetchLatest<Connector>(command.ConnectorId, cancellationToken), clock.GetUtcNow());
        await AppendAsync(session, refused.SettingId, refused, cancellationToken);
        return refused.SettingId;
    }

    public static async Task<Guid> Handle(EnableConnector command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var editor = Editor();
        var setting = await session.Events.FetchLatest<ConnectorSetting>(ConnectorSetting.IdFor(editor.EstablishmentId, command.ConnectorId), cancellationToken);
        var enabled = PortalDecisions.Enable(command, editor, await session.Events.FetchLatest<Connector>(command.ConnectorId, cancellationToken), setting, clock.GetUtcNow());
        await AppendAsync(session, enabled.SettingId, enabled, cancellationToken);
        return enabled.SettingId;
    }

    public static async Task<Guid> Handle(DisableConnector command, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var editor = Editor();
        var setting = await session.Events.FetchLatest<ConnectorSetting>(ConnectorSetting.IdFor(editor.EstablishmentId, command.ConnectorId), cancellationToken);
        var disabled = PortalDecisions.Disable(editor, setting, clock.GetUtcNow());
        session.Events.Append(disabled.SettingId, disabled);
        return disabled.SettingId;
    }

    /// <summary>Appended without reading the stream: concurrent openings of one service queue on the stream's version, none is lost.</summary>
    public static Guid Handle(RecordServiceOpening command, IDocumentSession session, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(session);
        var actor = ActingContext.Current ?? throw new MissingActorException();
        var opened = ConnectorUsage.Opened(command, actor.Id, actor.Role, actor.EstablishmentId, clock.GetUtcNow());
        var stream = ConnectorUsage.StreamFor(opened.EstablishmentId, opened.ConnectorId);
        session.Events.Append(stream, opened);
        return stream;
    }

    private static PortalEditor Editor()
    {
        var actor = ActingContext.Current ?? throw new MissingActorException();
        return actor.EstablishmentId is { } establishmentId ? new PortalEditor(actor.Id, actor.Role, establishmentId) : throw BusinessRuleException.Forbidden();
    }

    private static async Task AppendAsync(IDocumentSession session, Guid settingId, object e, CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(settingId, cancellationToken) is null)
            session.Events.StartStream<ConnectorSetting>(settingId, e);
        else
            session.Events.Append(settingId, e);
    }
}
