using GraphQL.Types;
using MonBureau.Domain.Timetable;
using MonBureau.Projections.Timetable;

namespace MonBureau.Host.GraphQL.Types;

public sealed class TimetableSlotType : ObjectGraphType<TimetableSlotView>
{
    public TimetableSlotType()
    {
        Name = "TimetableSlot";
        Description = "A weekly lesson slot of the timetable (emploi du temps).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher.");
        Field(x => x.TeachingUnitId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Class or group.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Day, type: typeof(NonNullGraphType<EnumerationGraphType<DayOfWeek>>)).Description("Day of the week.");
        Field("start", x => x.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Description("Start time, local to the establishment (HH:mm).");
        Field("end", x => x.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).Description("End time (HH:mm).");
        Field(x => x.Room, nullable: true).Description("Room (salle).");
        Field(x => x.Week, type: typeof(NonNullGraphType<TimetableWeekType>)).Description("EVERY week, or only weeks A or B.");
    }
}

public sealed class TimetableWeekType : EnumerationGraphType<TimetableWeek>
{
    public TimetableWeekType()
    {
        Name = "TimetableWeek";
        Description = "EVERY week, or week A or B of the fortnightly alternation.";
    }
}
