using MonBureau.Domain.Common;

namespace MonBureau.Domain.Home;

/// <summary>What each profile's home page can hold: its widgets (in their default order), its guided shortcuts and reminders.</summary>
public static class HomeLayouts
{
    public const int TicksKeptDays = 28;

    /// <summary>The profiles that have a home page.</summary>
    public static readonly IReadOnlySet<Role> Profiles = new HashSet<Role> { Role.Student, Role.Guardian, Role.Teacher };

    public static IReadOnlyList<HomeWidget> WidgetsFor(Role profile) => profile switch
    {
        Role.Student => [HomeWidget.Timetable, HomeWidget.Homework, HomeWidget.Messages, HomeWidget.Grades, HomeWidget.Notifications, HomeWidget.Agenda, HomeWidget.Services, HomeWidget.Portfolios],
        Role.Guardian => [HomeWidget.Absences, HomeWidget.Homework, HomeWidget.Timetable, HomeWidget.Messages, HomeWidget.Grades, HomeWidget.Notifications, HomeWidget.Agenda, HomeWidget.Services],
        Role.Teacher => [HomeWidget.Timetable, HomeWidget.Homework, HomeWidget.Messages, HomeWidget.Grades, HomeWidget.Notifications, HomeWidget.Agenda, HomeWidget.Services],
        _ => [],
    };

    /// <summary>The few places a guided home page leads to first.</summary>
    public static IReadOnlyList<HomeWidget> ShortcutsFor(Role profile) => profile switch
    {
        Role.Student => [HomeWidget.Homework, HomeWidget.Timetable, HomeWidget.Messages, HomeWidget.Grades],
        Role.Guardian => [HomeWidget.Absences, HomeWidget.Homework, HomeWidget.Messages, HomeWidget.Grades],
        Role.Teacher => [HomeWidget.Timetable, HomeWidget.Homework, HomeWidget.Messages, HomeWidget.Agenda],
        _ => [],
    };

    public static IReadOnlyList<WeeklyReminder> RemindersFor(Role profile) => profile switch
    {
        Role.Student => [WeeklyReminder.PlanTheWeek],
        Role.Guardian => [WeeklyReminder.ReviewTheWeekWithYourChild],
        Role.Teacher => [WeeklyReminder.FillInTheLessonLog],
        _ => [],
    };

    /// <summary>The Monday of the week a day is in: ticks count for that week.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
