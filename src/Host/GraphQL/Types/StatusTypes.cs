using GraphQL.Types;
using MonBureau.Domain.Status;
using MonBureau.Projections.Status;

namespace MonBureau.Host.GraphQL.Types;

public sealed class ServiceNoticeType : ObjectGraphType<ServiceNoticeView>
{
    public ServiceNoticeType()
    {
        Name = "ServiceNotice";
        Description = "An incident or a planned maintenance window on the status page (page d'état du service).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<NoticeKindType>)).Description("INCIDENT or MAINTENANCE.");
        Field(x => x.EstablishmentId, type: typeof(IdGraphType)).Description("The establishment concerned; null for the whole platform.");
        Field(x => x.Modules, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PlatformModuleType>>>)).Description("Affected modules.");
        Field(x => x.Title).Description("Short title.");
        Field(x => x.Message).Description("The latest message.");
        Field(x => x.Status, type: typeof(NonNullGraphType<IncidentStatusType>)).Description("For an incident, where it stands; INVESTIGATING for a maintenance window.");
        Field(x => x.StartsAt).Description("When the incident was declared, or when the maintenance starts.");
        Field(x => x.EndsAt, nullable: true).Description("When the incident was resolved (null while open), or when the maintenance ends.");
        Field(x => x.PublishedAt).Description("When it was published.");
        Field(x => x.CancelledAt, nullable: true).Description("When a maintenance window was cancelled; null otherwise. A cancelled window is listed nowhere.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NoticeUpdateType>>>, IReadOnlyList<NoticeUpdate>>("timeline")
            .Description("An incident's updates, oldest first; empty for a maintenance window.")
            .Resolve(ctx => ctx.Source.Timeline);
    }
}

public sealed class NoticeUpdateType : ObjectGraphType<NoticeUpdate>
{
    public NoticeUpdateType()
    {
        Name = "NoticeUpdate";
        Description = "One step of an incident's timeline.";
        Field(x => x.Status, type: typeof(NonNullGraphType<IncidentStatusType>)).Description("Where the incident stood.");
        Field(x => x.Message).Description("What was said.");
        Field(x => x.At).Description("When.");
    }
}

public sealed class NoticeKindType : EnumerationGraphType<NoticeKind>
{
    public NoticeKindType()
    {
        Name = "NoticeKind";
        Description = "INCIDENT (unplanned) or MAINTENANCE (announced ahead).";
    }
}

public sealed class IncidentStatusType : EnumerationGraphType<IncidentStatus>
{
    public IncidentStatusType()
    {
        Name = "IncidentStatus";
        Description = "INVESTIGATING, IDENTIFIED, then RESOLVED.";
    }
}

public sealed class PlatformModuleType : EnumerationGraphType<PlatformModule>
{
    public PlatformModuleType()
    {
        Name = "PlatformModule";
        Description = "A part of the platform an incident or maintenance can affect.";
    }
}

public sealed class DeclareIncidentInputType : InputObjectGraphType<DeclareIncident>
{
    public DeclareIncidentInputType()
    {
        Name = "DeclareIncidentInput";
        Description = "A new incident.";
        Field(x => x.EstablishmentId, type: typeof(IdGraphType)).Description("The establishment concerned; omitted: the whole platform (region administrators) or the administrator's own establishment.");
        Field(x => x.Modules, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PlatformModuleType>>>)).Description("Affected modules, at least one.");
        Field(x => x.Title).Description("Short title, at most 200 characters.");
        Field(x => x.Message).Description("What users notice and what to do meanwhile, at most 2,000 characters; no personal data.");
    }
}

public sealed class UpdateIncidentInputType : InputObjectGraphType<UpdateIncident>
{
    public UpdateIncidentInputType()
    {
        Name = "UpdateIncidentInput";
        Description = "A step in an incident's timeline.";
        Field(x => x.IncidentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The incident.");
        Field(x => x.Status, type: typeof(NonNullGraphType<IncidentStatusType>)).Description("Where it stands now; never backwards.");
        Field(x => x.Message).Description("What changed, at most 2,000 characters; no personal data.");
    }
}

public sealed class AnnounceMaintenanceInputType : InputObjectGraphType<AnnounceMaintenance>
{
    public AnnounceMaintenanceInputType()
    {
        Name = "AnnounceMaintenanceInput";
        Description = "A planned maintenance window.";
        Field(x => x.EstablishmentId, type: typeof(IdGraphType)).Description("The establishment concerned; omitted: the whole platform (region administrators) or the administrator's own establishment.");
        Field(x => x.Modules, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<PlatformModuleType>>>)).Description("Affected modules, at least one.");
        Field(x => x.Title).Description("Short title, at most 200 characters.");
        Field(x => x.Message).Description("What will be unavailable, at most 2,000 characters.");
        Field(x => x.StartsAt).Description("Start.");
        Field(x => x.EndsAt).Description("End, after the start and in the future.");
    }
}
