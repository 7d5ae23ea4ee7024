using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using MonBureau.Domain.Common;
using MonBureau.Domain.Portal;

namespace MonBureau.Projections.Portal;

/// <summary>A service of the platform's catalogue.</summary>
public sealed class ConnectorView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public ConnectorKind Kind { get; set; }
    public string LaunchUrl { get; set; } = "";
    public string? HealthUrl { get; set; }
    public string Audience { get; set; } = "";
    public bool ReceivesPersonalData { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>Where the privacy officer's decision on a connector stands at one establishment.</summary>
public enum ApprovalState
{
    NotRequested,
    Approved,
    Refused,
}

/// <summary>One connector at one establishment: the privacy officer's decision and the profiles it is shown to.</summary>
public sealed class ConnectorSettingView
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public Guid ConnectorId { get; set; }
    public ApprovalState Approval { get; set; }
    public List<Role> ApprovedProfiles { get; set; } = [];
    public string? ApprovalReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public List<Role> EnabledProfiles { get; set; } = [];
}

public partial class ConnectorViewProjection : SingleStreamProjection<ConnectorView, Guid>
{
    public static ConnectorView Create(ConnectorRegistered e) => new()
    {
        Id = e.ConnectorId,
        Name = e.Name,
        Kind = e.Kind,
        LaunchUrl = e.LaunchUrl,
        HealthUrl = e.HealthUrl,
        Audience = e.Audience,
        ReceivesPersonalData = e.ReceivesPersonalData,
        RegisteredAt = e.RegisteredAt,
    };
}

public partial class ConnectorSettingViewProjection : SingleStreamProjection<ConnectorSettingView, Guid>
{
    public static ConnectorSettingView Create(ConnectorApproved e) => Apply(e, New(e.SettingId, e.EstablishmentId, e.ConnectorId));

    public static ConnectorSettingView Create(ConnectorApprovalRefused e) => Apply(e, New(e.SettingId, e.EstablishmentId, e.ConnectorId));

    public static ConnectorSettingView Create(ConnectorEnabled e) => Apply(e, New(e.SettingId, e.EstablishmentId, e.ConnectorId));

    public static ConnectorSettingView Apply(ConnectorApproved e, ConnectorSettingView view)
    {
        view.Approval = ApprovalState.Approved;
        view.ApprovedProfiles = [.. e.Profiles];
        view.ApprovalReason = e.Reason;
        view.DecidedAt = e.DecidedAt;
        return view;
    }

    public static ConnectorSettingView Apply(ConnectorApprovalRefused e, ConnectorSettingView view)
    {
        view.Approval = ApprovalState.Refused;
        view.ApprovedProfiles = [];
        view.ApprovalReason = e.Reason;
        view.DecidedAt = e.DecidedAt;
        view.EnabledProfiles = [];
        return view;
    }

    public static ConnectorSettingView Apply(ConnectorEnabled e, ConnectorSettingView view)
    {
        view.EnabledProfiles = [.. e.Profiles];
        return view;
    }

    public static ConnectorSettingView Apply(ConnectorDisabled e, ConnectorSettingView view)
    {
        view.EnabledProfiles = [];
        return view;
    }

    private static ConnectorSettingView New(Guid id, Guid establishmentId, Guid connectorId) =>
        new() { Id = id, EstablishmentId = establishmentId, ConnectorId = connectorId };
}

/// <summary>How a connector answered its last health check.</summary>
public enum ConnectorHealthStatus
{
    Unknown,
    Up,
    Degraded,
}

/// <summary>The last health check of a connector, written by the scheduled checker (state, not history).</summary>
public sealed class ConnectorHealthView
{
    /// <summary>The connector's id.</summary>
    public Guid Id { get; set; }
    public ConnectorHealthStatus Status { get; set; }
    public DateTimeOffset CheckedAt { get; set; }

    /// <summary>Why it is degraded: a timeout, an error status, an open circuit.</summary>
    public string? Detail { get; set; }
}

public static class PortalProjectionsSetup
{
    public static void AddPortalProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<ConnectorViewProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ConnectorSettingViewProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ConnectorSettingView>().Index(x => x.EstablishmentId);
        options.Schema.For<ConnectorHealthView>();
    }
}
