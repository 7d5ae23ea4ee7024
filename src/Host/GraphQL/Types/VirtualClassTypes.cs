using GraphQL.Types;
using MonBureau.Domain.VirtualClasses;
using MonBureau.Projections.VirtualClasses;

namespace MonBureau.Host.GraphQL.Types;

public sealed class VirtualClassType : ObjectGraphType<VirtualClassView>
{
    public VirtualClassType()
    {
        Name = "VirtualClass";
        Description = "A virtual class (classe virtuelle) for a class or group, on the establishment's virtual-classroom service.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The class or group.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher who scheduled it.");
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The virtual-classroom service.");
        Field(x => x.AgendaEventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Its entry in the agenda.");
        Field(x => x.Title).Description("Title.");
        Field(x => x.StartsAt).Description("Start.");
        Field(x => x.EndsAt).Description("End.");
        Field(x => x.JoinUrl).Description("The provider's room; participants open it through the portal's sign-on.");
        Field(x => x.PresentStudentIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Students who attended; empty until recorded.");
        Field(x => x.AbsentStudentIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Students of the class or group who did not; empty until recorded.");
        Field(x => x.AttendanceRecordedAt, nullable: true).Description("When attendance was last recorded.");
    }
}

public sealed class ScheduleVirtualClassInputType : InputObjectGraphType<ScheduleVirtualClass>
{
    public ScheduleVirtualClassInputType()
    {
        Name = "ScheduleVirtualClassInput";
        Description = "A virtual class for one of the teacher's classes or groups.";
        Field(x => x.ClassId, type: typeof(IdGraphType)).Description("Class; give it or a group.");
        Field(x => x.GroupId, type: typeof(IdGraphType)).Description("Group; give it or a class.");
        Field(x => x.ConnectorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The virtual-classroom service, enabled for teachers at the establishment.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.StartsAt).Description("Start.");
        Field(x => x.EndsAt).Description("End, after the start.");
    }
}

public sealed class RecordVirtualClassAttendanceInputType : InputObjectGraphType<RecordVirtualClassAttendance>
{
    public RecordVirtualClassAttendanceInputType()
    {
        Name = "RecordVirtualClassAttendanceInput";
        Description = "Who attended a virtual class.";
        Field(x => x.VirtualClassId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The virtual class.");
        Field(x => x.PresentStudentIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Students present; the others are absent.");
    }
}
