using GraphQL.Types;
using MonBureau.Domain.Portal;
using MonBureau.Host.Portal;
using MonBureau.Projections.Portal;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A service of someone's portal with its last health check (null before the first).</summary>
public sealed record PortalService(ConnectorView Connector, ConnectorHealthView? Health);

public sealed class ConnectorType : ObjectGraphType<ConnectorView>
{
    public ConnectorType()
    {
        Name = "Connector";
        Description = "A third-party service of the catalogue (connecteur): digital textbooks through the GAR, orientation, administrative services, virtual classes.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Name).Description("Name shown in the portal.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<ConnectorKindType>)).Description("What it offers.");
        Field(x => x.LaunchUrl).Description("Where the signed assertion is posted to open it.");
        Field(x => x.HealthUrl, nullable: true).Description("The address checked on a schedule; null when it has none.");
        Field(x => x.Audience).Description("The audience (aud) of its assertions.");
        Field(x => x.ReceivesPersonalData).Description("Whether it receives names, so needs the privacy officer's approval before it is enabled.");
        Field(x => x.RegisteredAt).Description("When it joined the catalogue.");
    }
}

public sealed class ConnectorSettingType : ObjectGraphType<ConnectorSettingView>
{
    public ConnectorSettingType()
    {
        Name = "ConnectorSetting";
        Description = "One connector at one establishment: the privacy officer's decision and the profiles it is shown to.";
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The connector.");
        Field(x => x.EstablishmentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The establishment.");
        Field(x => x.Approval, type: typeof(NonNullGraphType<ApprovalStateType>)).Description("The privacy officer's decision.");
        Field(x => x.ApprovedProfiles, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>)).Description("Profiles the privacy officer approved it for.");
        Field(x => x.ApprovalReason, nullable: true).Description("The privacy officer's reason for the decision.");
        Field(x => x.DecidedAt, nullable: true).Description("When the privacy officer decided.");
        Field(x => x.EnabledProfiles, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>)).Description("Profiles whose portal shows it; empty when disabled.");
    }
}

public sealed class PortalServiceType : ObjectGraphType<PortalService>
{
    public PortalServiceType()
    {
        Name = "PortalService";
        Description = "A service of the signed-in person's portal (portail de services).";
        Field<NonNullGraphType<ConnectorType>, ConnectorView>("connector").Description("The service.").Resolve(ctx => ctx.Source.Connector);
        Field<NonNullGraphType<ConnectorHealthStatusType>, ConnectorHealthStatus>("health")
            .Description("UP, DEGRADED (slow, failing or unreachable at its last check: it may not open) or UNKNOWN (not checked yet).")
            .Resolve(ctx => ctx.Source.Health?.Status ?? ConnectorHealthStatus.Unknown);
        Field<DateTimeGraphType, DateTime?>("checkedAt").Description("When it was last checked.").Resolve(ctx => ctx.Source.Health?.CheckedAt.UtcDateTime);
    }
}

public sealed class ServiceLaunchType : ObjectGraphType<ServiceLaunch>
{
    public ServiceLaunchType()
    {
        Name = "ServiceLaunch";
        Description = "A single sign-on hand-off: post the assertion to the launch address before it expires.";
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The service.");
        Field(x => x.LaunchUrl).Description("Where to post the assertion.");
        Field(x => x.Assertion).Description("A JWT signed for this service only, valid two minutes, usable once.");
        Field(x => x.ExpiresAt).Description("When the assertion expires.");
    }
}

public sealed class ConnectorKindType : EnumerationGraphType<ConnectorKind>
{
    public ConnectorKindType()
    {
        Name = "ConnectorKind";
        Description = "DIGITAL_TEXTBOOKS (GAR), ORIENTATION, ADMINISTRATIVE or VIRTUAL_CLASSROOM.";
    }
}

public sealed class ApprovalStateType : EnumerationGraphType<ApprovalState>
{
    public ApprovalStateType()
    {
        Name = "ApprovalState";
        Description = "NOT_REQUESTED, APPROVED or REFUSED by the privacy officer.";
    }
}

public sealed class ConnectorHealthStatusType : EnumerationGraphType<ConnectorHealthStatus>
{
    public ConnectorHealthStatusType()
    {
        Name = "ConnectorHealth";
        Description = "UNKNOWN, UP or DEGRADED.";
    }
}

public sealed class RegisterConnectorInputType : InputObjectGraphType<RegisterConnector>
{
    public RegisterConnectorInputType()
    {
        Name = "RegisterConnectorInput";
        Description = "A service for the catalogue.";
        Field(x => x.Name).Description("Name shown in the portal, at most 100 characters.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<ConnectorKindType>)).Description("What it offers.");
        Field(x => x.LaunchUrl).Description("https address the assertion is posted to.");
        Field(x => x.HealthUrl, nullable: true).Description("https address answering 2xx when the service works; omitted: never checked.");
        Field(x => x.Audience).Description("The audience (aud) the service expects in its assertions.");
        Field(x => x.ReceivesPersonalData).Description("Whether the service receives names (needs the privacy officer's approval).");
    }
}

public sealed class ApproveConnectorInputType : InputObjectGraphType<ApproveConnector>
{
    public ApproveConnectorInputType()
    {
        Name = "ApproveConnectorInput";
        Description = "The privacy officer's approval.";
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The connector.");
        Field(x => x.Profiles, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>)).Description("Profiles it may be enabled for; start with a reduced scope.");
        Field(x => x.Reason).Description("Why, e.g. the processing register entry and the contract's clauses.");
    }
}

public sealed class RefuseConnectorInputType : InputObjectGraphType<RefuseConnector>
{
    public RefuseConnectorInputType()
    {
        Name = "RefuseConnectorInput";
        Description = "The privacy officer's refusal.";
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The connector.");
        Field(x => x.Reason).Description("Why.");
    }
}

public sealed class EnableConnectorInputType : InputObjectGraphType<EnableConnector>
{
    public EnableConnectorInputType()
    {
        Name = "EnableConnectorInput";
        Description = "Who sees a connector in their portal.";
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The connector.");
        Field(x => x.Profiles, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RoleType>>>)).Description("Profiles whose portal shows it.");
    }
}

/// <summary>How often one service was opened at the establishment over a period, and by how many people.</summary>
public sealed record ServiceUsage(ConnectorView Connector, int Openings, int People);

public sealed class ServiceUsageType : ObjectGraphType<ServiceUsage>
{
    public ServiceUsageType()
    {
        Name = "ServiceUsage";
        Description = "How much one service of the portal is used at the establishment over a period.";
        Field<NonNullGraphType<ConnectorType>, ConnectorView>("connector").Description("The service.").Resolve(ctx => ctx.Source.Connector);
        Field(x => x.Openings).Description("How many times it was opened (single sign-on hand-offs issued).");
        Field(x => x.People).Description("How many different people opened it.");
    }
}
