using MonBureau.Domain.Common;

namespace MonBureau.Domain.Classes;

/// <summary>A group of students across or within classes: « soutien », « avancé », a language group (LV2 allemand).</summary>
public sealed record GroupCreated(Guid GroupId, Guid EstablishmentId, string Name, SchoolYear SchoolYear) : IEstablishmentScoped;

public sealed record StudentJoinedGroup(Guid GroupId, Guid EstablishmentId, Guid StudentId) : IEstablishmentScoped;

public sealed record StudentLeftGroup(Guid GroupId, Guid EstablishmentId, Guid StudentId) : IEstablishmentScoped;

public sealed record SchoolGroup(Guid Id, Guid EstablishmentId, string Name, SchoolYear SchoolYear, IReadOnlyList<Guid> Members)
{
    public static SchoolGroup Create(GroupCreated e) => new(e.GroupId, e.EstablishmentId, e.Name, e.SchoolYear, []);

    public SchoolGroup Apply(StudentJoinedGroup e) => Members.Contains(e.StudentId) ? this : this with { Members = [.. Members, e.StudentId] };

    public SchoolGroup Apply(StudentLeftGroup e) => this with { Members = [.. Members.Where(m => m != e.StudentId)] };
}
