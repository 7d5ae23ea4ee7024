using MonBureau.Domain.Common;

namespace MonBureau.Domain.Discipline;

/// <summary>A punishment on its own stream; the facts are the student's personal data, sealed under their key.</summary>
public sealed record PunishmentGiven(
    Guid PunishmentId,
    Guid EstablishmentId,
    Guid StudentId,
    Guid GivenBy,
    Role GivenAs,
    PunishmentKind Kind,
    PersonalData Facts,
    DateOnly GivenOn,
    DateTimeOffset RecordedAt) : IEstablishmentScoped;

/// <summary>A sanction on its own stream, with the date the law erases it from the student's file.</summary>
public sealed record SanctionPronounced(
    Guid SanctionId,
    Guid EstablishmentId,
    Guid StudentId,
    Guid PronouncedBy,
    SanctionKind Kind,
    PersonalData Facts,
    int? ExclusionDays,
    DateOnly DecidedOn,
    DateOnly ErasedOn,
    DateTimeOffset RecordedAt) : IEstablishmentScoped;

/// <summary>The sanction left the student's file on its legal date; its facts were erased. Carries no personal data.</summary>
public sealed record SanctionErased(Guid SanctionId, Guid EstablishmentId, Guid StudentId, DateOnly ErasedOn, DateTimeOffset ErasedAt) : IEstablishmentScoped;

/// <summary>A punishment left the student's file with the school-life data of its school year; its facts were erased.</summary>
public sealed record PunishmentErased(Guid PunishmentId, Guid EstablishmentId, Guid StudentId, DateTimeOffset ErasedAt) : IEstablishmentScoped;

/// <summary>Write-side state of a punishment: what the retention purge needs.</summary>
public sealed record Punishment(Guid Id, Guid EstablishmentId, Guid StudentId, DateOnly GivenOn, bool Erased)
{
    public static Punishment Create(PunishmentGiven e) => new(e.PunishmentId, e.EstablishmentId, e.StudentId, e.GivenOn, false);

    public Punishment Apply(PunishmentErased e) => this with { Erased = true };

    /// <summary>Punishments are school-life data: kept until the end of their school year (RetentionCategory.SchoolLifeData).</summary>
    public DateOnly KeptUntil => Common.SchoolYear.Containing(GivenOn).LastDay;
}

/// <summary>Write-side state of a sanction: what the retention purge needs.</summary>
public sealed record Sanction(Guid Id, Guid EstablishmentId, Guid StudentId, DateOnly ErasedOn, bool Erased)
{
    public static Sanction Create(SanctionPronounced e) => new(e.SanctionId, e.EstablishmentId, e.StudentId, e.ErasedOn, false);

    public Sanction Apply(SanctionErased e) => this with { Erased = true };
}
