using GraphQL.Types;
using MonBureau.Domain.Agenda;
using MonBureau.Host.Agenda;
using MonBureau.Projections.Agenda;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class AgendaEventType : ObjectGraphType<AgendaEventView>
{
    public AgendaEventType()
    {
        Name = "AgendaEvent";
        this.ImplementsNode();
        Description = "An event of the agenda: a test (devoir surveillé), meeting, trip, parents' evening… for the establishment, a class or a group.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Audience, type: typeof(NonNullGraphType<AgendaAudienceType>)).Description("Who it is for.");
        Field(x => x.TeachingUnitId, type: typeof(IdGraphType)).Description("The class or group; null for the whole establishment.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<AgendaEventKindType>)).Description("What kind of event.");
        Field(x => x.Title).Description("Title shown in lists.");
        this.PersonalField("description", e => e.Description, "Details written by its author.");
        Field(x => x.StartsAt).Description("Start.");
        Field(x => x.EndsAt).Description("End.");
        Field(x => x.Location, nullable: true).Description("Where it takes place.");
        Field(x => x.Important).Description("Shown first, in the important-events banner (bandeau « événements importants »).");
        Field(x => x.Cancelled).Description("Cancelled events stay listed, marked cancelled.");
        Field(x => x.CancelledAt, nullable: true).Description("When it was cancelled.");
        Field(x => x.ScheduledBy, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who scheduled it.");
        Field(x => x.RevisedAt, nullable: true).Description("When it was last changed.");
    }
}

public sealed class AgendaEventKindType : EnumerationGraphType<AgendaEventKind>
{
    public AgendaEventKindType()
    {
        Name = "AgendaEventKind";
        Description = "TEST (devoir surveillé), MEETING, TRIP (sortie), PARENTS_EVENING (réunion parents-professeurs) or OTHER.";
    }
}

public sealed class AgendaAudienceType : EnumerationGraphType<AgendaAudience>
{
    public AgendaAudienceType()
    {
        Name = "AgendaAudience";
        Description = "ESTABLISHMENT (everyone), CLASS or GROUP.";
    }
}

public sealed class LessonOccurrenceType : ObjectGraphType<LessonOccurrence>
{
    public LessonOccurrenceType()
    {
        Name = "LessonOccurrence";
        Description = "A lesson of the timetable on a given date.";
        Field<NonNullGraphType<TimetableSlotType>, Projections.Timetable.TimetableSlotView>("slot").Description("The weekly slot it comes from.").Resolve(ctx => ctx.Source.Slot);
        Field(x => x.StartsAt).Description("Start.");
        Field(x => x.EndsAt).Description("End.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IReadOnlyList<Guid>>("studentIds")
            .Description("For a guardian: which of their children have this lesson; empty otherwise.")
            .Resolve(ctx => ctx.Source.StudentIds);
    }
}

public sealed class PersonalAgendaType : ObjectGraphType<PersonalAgendaView>
{
    public PersonalAgendaType()
    {
        Name = "PersonalAgenda";
        Description = "Everything on someone's agenda over a period: timetable lessons and the agenda events that concern them.";
        Field(x => x.From).Description("Start of the period.");
        Field(x => x.To).Description("End of the period.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<LessonOccurrenceType>>>, IReadOnlyList<LessonOccurrence>>("lessons")
            .Description("Lessons, in time order (fortnightly slots on ISO-week parity: odd weeks are A).")
            .Resolve(ctx => ctx.Source.Lessons);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<AgendaEventType>>>, IReadOnlyList<AgendaEventView>>("events")
            .Description("Agenda events, in time order, cancelled ones included.")
            .Resolve(ctx => ctx.Source.Events);
    }
}

public sealed class ScheduleAgendaEventInputType : InputObjectGraphType<ScheduleAgendaEvent>
{
    public ScheduleAgendaEventInputType()
    {
        Name = "ScheduleAgendaEventInput";
        Description = "A new agenda event. Direction, school-life office and administrators schedule for the establishment or any class or group; teachers for the classes and groups they teach.";
        Field(x => x.Audience, type: typeof(NonNullGraphType<AgendaAudienceType>)).Description("Who it is for.");
        Field(x => x.TeachingUnitId, type: typeof(IdGraphType)).Description("The class or group; omitted for the establishment.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<AgendaEventKindType>)).Description("What kind of event.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Description, nullable: true).Description("Details, at most 5,000 characters.");
        Field(x => x.StartsAt).Description("Start; within two years.");
        Field(x => x.EndsAt).Description("End: after the start, in the future, at most 31 days later.");
        Field(x => x.Location, nullable: true).Description("Where, at most 200 characters.");
        Field(x => x.Important).Description("Show it in the important-events banner.");
    }
}

public sealed class ReviseAgendaEventInputType : InputObjectGraphType<ReviseAgendaEvent>
{
    public ReviseAgendaEventInputType()
    {
        Name = "ReviseAgendaEventInput";
        Description = "New details of an event; who it is for does not change.";
        Field(x => x.EventId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The event.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<AgendaEventKindType>)).Description("What kind of event.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Description, nullable: true).Description("Details, at most 5,000 characters.");
        Field(x => x.StartsAt).Description("Start.");
        Field(x => x.EndsAt).Description("End, after the start, at most 31 days later.");
        Field(x => x.Location, nullable: true).Description("Where.");
        Field(x => x.Important).Description("Show it in the important-events banner.");
    }
}
