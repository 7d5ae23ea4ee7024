namespace MonBureau.Domain.Common;

/// <summary>An event that happens inside one establishment; the audit envelope records which one.</summary>
public interface IEstablishmentScoped
{
    Guid EstablishmentId { get; }
}
