using MonBureau.Domain.Common;

namespace MonBureau.Domain.Portal;

public sealed record RegisterConnector(string Name, ConnectorKind Kind, string LaunchUrl, string? HealthUrl, string Audience, bool ReceivesPersonalData);

public sealed record ApproveConnector(Guid ConnectorId, IReadOnlyList<Role> Profiles, string Reason);

public sealed record RefuseConnector(Guid ConnectorId, string Reason);

public sealed record EnableConnector(Guid ConnectorId, IReadOnlyList<Role> Profiles);

public sealed record DisableConnector(Guid ConnectorId);

/// <summary>Who configures connectors at an establishment: the profile they act in there.</summary>
public sealed record PortalEditor(Guid PersonId, Role Role, Guid EstablishmentId);

public static class PortalDecisions
{
    /// <summary>Profiles a connector can be shown to; staff with a second factor reach services through their own tools.</summary>
    public static readonly IReadOnlySet<Role> PortalProfiles = new HashSet<Role> { Role.Student, Role.Guardian, Role.Teacher, Role.SchoolLifeOffice, Role.Direction };

    public static ConnectorRegistered Register(Guid newId, RegisterConnector command, Guid regionAdministratorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Enum.IsDefined(command.Kind))
            throw BusinessRuleException.Invalid("Unknown kind of connector.");
        return new ConnectorRegistered(
            newId, Require.Text(command.Name, "Name", 100), command.Kind, HttpsUrl(command.LaunchUrl, "Launch URL"),
            string.IsNullOrWhiteSpace(command.HealthUrl) ? null : HttpsUrl(command.HealthUrl, "Health URL"),
            Require.Text(command.Audience, "Audience", 200), command.ReceivesPersonalData, regionAdministratorId, now);
    }

    public static ConnectorApproved Approve(ApproveConnector command, PortalEditor officer, Connector? connector, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireRole(officer, Role.PrivacyOfficer);
        var found = connector ?? throw BusinessRuleException.NotFound("Connector");
        if (!found.ReceivesPersonalData)
            throw BusinessRuleException.Invalid("This connector receives no personal data: it needs no approval.");
        return new ConnectorApproved(
            ConnectorSetting.IdFor(officer.EstablishmentId, found.Id), officer.EstablishmentId, found.Id, Profiles(command.Profiles),
            Require.Text(command.Reason, "Reason", 2_000), officer.PersonId, now);
    }

    public static ConnectorApprovalRefused Refuse(RefuseConnector command, PortalEditor officer, Connector? connector, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireRole(officer, Role.PrivacyOfficer);
        var found = connector ?? throw BusinessRuleException.NotFound("Connector");
        return new ConnectorApprovalRefused(
            ConnectorSetting.IdFor(officer.EstablishmentId, found.Id), officer.EstablishmentId, found.Id,
            Require.Text(command.Reason, "Reason", 2_000), officer.PersonId, now);
    }

    /// <param name="setting">The connector's setting at the editor's establishment, null when none yet.</param>
    public static ConnectorEnabled Enable(EnableConnector command, PortalEditor editor, Connector? connector, ConnectorSetting? setting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireRole(editor, Role.EstablishmentAdministrator, Role.Direction);
        var found = connector ?? throw BusinessRuleException.NotFound("Connector");
        var profiles = Profiles(command.Profiles);
        if (found.ReceivesPersonalData)
        {
            // No approval, a refusal, or profiles beyond the approved scope: the privacy officer decides first.
            if (setting?.ApprovedProfiles is not { } approved)
                throw new BusinessRuleException(ErrorCodes.PrivacyApprovalRequired, "This connector receives personal data: the privacy officer (référent RGPD) must approve it first.");
            var beyond = profiles.Where(p => !approved.Contains(p)).ToList();
            if (beyond.Count > 0)
                throw new BusinessRuleException(ErrorCodes.PrivacyApprovalRequired, $"The privacy officer approved this connector for other profiles only, not {string.Join(", ", beyond)}.");
        }

        return new ConnectorEnabled(ConnectorSetting.IdFor(editor.EstablishmentId, found.Id), editor.EstablishmentId, found.Id, profiles, editor.PersonId, now);
    }

    public static ConnectorDisabled Disable(PortalEditor editor, ConnectorSetting? setting, DateTimeOffset now)
    {
        RequireRole(editor, Role.EstablishmentAdministrator, Role.Direction, Role.PrivacyOfficer);
        if (setting is null || setting.EnabledProfiles.Count == 0)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This connector is not enabled here.");
        return new ConnectorDisabled(setting.Id, setting.EstablishmentId, setting.ConnectorId, editor.PersonId, now);
    }

    private static void RequireRole(PortalEditor editor, params Role[] roles)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (!roles.Contains(editor.Role))
            throw BusinessRuleException.Forbidden();
    }

    private static List<Role> Profiles(IReadOnlyList<Role>? profiles)
    {
        var distinct = (profiles ?? []).Distinct().ToList();
        if (distinct.Count == 0)
            throw BusinessRuleException.Invalid("Name at least one profile.");
        return distinct.Any(p => !PortalProfiles.Contains(p))
            ? throw BusinessRuleException.Invalid("Connectors are shown to students, guardians, teachers, the school-life office or the direction.")
            : distinct;
    }

    private static string HttpsUrl(string? value, string field)
    {
        var text = Require.Text(value, field, 500);
        // Plain http only for a service on this machine (tests, a local relay); anything else travels encrypted.
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? uri.ToString()
            : throw BusinessRuleException.Invalid($"{field} must be an https address.");
    }
}
