using JasperFx.Events.Projections;
using Marten;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Agenda;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Discipline;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.Forums;
using MonBureau.Projections.Grades;
using MonBureau.Projections.Groups;
using MonBureau.Projections.Home;
using MonBureau.Projections.Homework;
using MonBureau.Projections.Indicators;
using MonBureau.Projections.Messaging;
using MonBureau.Projections.Notifications;
using MonBureau.Projections.LessonLog;
using MonBureau.Projections.People;
using MonBureau.Projections.Portal;
using MonBureau.Projections.Portfolios;
using MonBureau.Projections.Status;
using MonBureau.Projections.Timetable;
using MonBureau.Projections.VirtualClasses;

namespace MonBureau.Projections;

public static class ProjectionsSetup
{
    /// <summary>Inline: the front-end re-reads these right after its own mutation.</summary>
    public static void AddMonBureauProjections(this StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Projections.Add<EstablishmentDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ClassDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<PersonDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<HomeworkDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<GroupDetailsProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<TimetableSlotTransformation>(ProjectionLifecycle.Inline);
        options.AddTeachingProjections();
        options.Schema.For<HomeworkDetails>().Index(x => x.ClassId);
        options.Schema.For<ClassDetails>().Index(x => x.EstablishmentId);
        options.Schema.For<GroupDetails>().Index(x => x.EstablishmentId);
        options.Schema.For<TimetableSlotView>().Index(x => x.TeacherId).Index(x => x.TeachingUnitId);
        options.Schema.For<PersonDetails>().GinIndexJsonData();
        options.AddMessagingProjections();
        options.AddNotificationProjections();
        options.AddDisciplineProjections();
        options.AddAttendanceProjections();
        options.AddAgendaProjections();
        options.AddGradesProjections();
        options.AddIndicatorProjections();
        options.AddStatusProjections();
        options.AddPortalProjections();
        options.AddVirtualClassProjections();
        options.AddForumProjections();
        options.AddPortfolioProjections();
        options.AddHomeProjections();
    }
}
