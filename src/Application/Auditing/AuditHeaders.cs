namespace MonBureau.Application.Auditing;

/// <summary>Names of the audit-envelope headers stored with every event (mt_events.headers).</summary>
public static class AuditHeaders
{
    public const string ActorRole = "actor_role";
    public const string Establishment = "establishment_id";
    public const string SystemJob = "system_job";
}
