namespace MonBureau.Host.Seeding;

/// <summary>Remembers what the demo seeder created, so later starts find the same people to print tokens for.</summary>
public sealed class DemoEstablishment
{
    public const string DocumentId = "demo";
    public const string Uai = "0679999Z";

    public string Id { get; set; } = DocumentId;
    public Guid EstablishmentId { get; set; }
    public Guid ClassId { get; set; }
    public Guid TeacherId { get; set; }
    public Guid StudentId { get; set; }
}
