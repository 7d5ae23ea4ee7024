using Marten.Events.Aggregation;
using MonBureau.Domain.Classes;

namespace MonBureau.Projections.Groups;

public sealed class GroupDetails
{
    public Guid Id { get; set; }
    public Guid EstablishmentId { get; set; }
    public string Name { get; set; } = "";
    public int SchoolYearStart { get; set; }
    public List<Guid> Members { get; set; } = [];
}

public partial class GroupDetailsProjection : SingleStreamProjection<GroupDetails, Guid>
{
    public static GroupDetails Create(GroupCreated e) =>
        new() { Id = e.GroupId, EstablishmentId = e.EstablishmentId, Name = e.Name, SchoolYearStart = e.SchoolYear.StartYear };

    public void Apply(StudentJoinedGroup e, GroupDetails group)
    {
        if (!group.Members.Contains(e.StudentId))
            group.Members.Add(e.StudentId);
    }

    public void Apply(StudentLeftGroup e, GroupDetails group) => group.Members.Remove(e.StudentId);
}
