using MonBureau.Domain.Common;

namespace MonBureau.Domain.Home;

/// <summary>How a person's home page is laid out: guided (shortcuts and a weekly checklist) or expert (their own widgets).</summary>
public enum HomeMode
{
    Guided,
    Expert,
}

/// <summary>The blocks an expert home page is made of; each profile has its own set (<see cref="HomeLayouts"/>).</summary>
public enum HomeWidget
{
    Timetable,
    Homework,
    Messages,
    Grades,
    Notifications,
    Agenda,
    Services,
    Absences,
    Portfolios,
}

/// <summary>A weekly reminder of the guided checklist: nothing in the data says it is done, so the person ticks it.</summary>
public enum WeeklyReminder
{
    /// <summary>Student: look over the week's timetable and agenda.</summary>
    PlanTheWeek,

    /// <summary>Guardian: go over the week with the child (work, marks, messages).</summary>
    ReviewTheWeekWithYourChild,

    /// <summary>Teacher: bring the lesson log (cahier de textes) up to date.</summary>
    FillInTheLessonLog,
}

/// <summary>One widget of an expert home page, in its place in the list.</summary>
public sealed record WidgetSetting(HomeWidget Kind, bool Visible);

/// <summary>A reminder ticked (or unticked) for the week starting that Monday.</summary>
public sealed record TickedReminder(WeeklyReminder Reminder, DateOnly Week);

/// <summary>Whose preferences: one person in one profile at one establishment (a teacher who is also a parent has two home pages).</summary>
public sealed record HomeOwner(Guid PersonId, Role Profile, Guid EstablishmentId);

public sealed record HomeModeChosen(Guid PreferencesId, Guid PersonId, Role Profile, Guid EstablishmentId, HomeMode Mode, DateTimeOffset ChosenAt) : IEstablishmentScoped;

public sealed record HomeWidgetsConfigured(Guid PreferencesId, Guid PersonId, Role Profile, Guid EstablishmentId, IReadOnlyList<WidgetSetting> Widgets, DateTimeOffset ConfiguredAt)
    : IEstablishmentScoped;

public sealed record WeeklyReminderTicked(
    Guid PreferencesId, Guid PersonId, Role Profile, Guid EstablishmentId, WeeklyReminder Reminder, DateOnly Week, bool Done, DateTimeOffset TickedAt)
    : IEstablishmentScoped;

public sealed record SetHomeMode(HomeMode Mode);

public sealed record ConfigureHomeWidgets(IReadOnlyList<WidgetSetting> Widgets);

public sealed record TickWeeklyReminder(WeeklyReminder Reminder, bool Done);

/// <summary>A person's home-page preferences in one profile; until they choose, the profile's defaults (guided).</summary>
public sealed record HomePreferences(Guid Id, HomeOwner Owner, HomeMode Mode, IReadOnlyList<WidgetSetting> Widgets, IReadOnlyList<TickedReminder> Ticked)
{
    /// <summary>One stream per person, profile and establishment, found without a lookup.</summary>
    public static Guid IdFor(HomeOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return NameBasedId.From($"home-preferences:{owner.PersonId:N}:{owner.Profile}:{owner.EstablishmentId:N}");
    }

    public static HomePreferences Default(HomeOwner owner) =>
        new(IdFor(owner), owner, HomeMode.Guided, [.. HomeLayouts.WidgetsFor(owner.Profile).Select(w => new WidgetSetting(w, true))], []);

    public static HomePreferences Create(HomeModeChosen e) => Default(new HomeOwner(e.PersonId, e.Profile, e.EstablishmentId)).Apply(e);

    public static HomePreferences Create(HomeWidgetsConfigured e) => Default(new HomeOwner(e.PersonId, e.Profile, e.EstablishmentId)).Apply(e);

    public static HomePreferences Create(WeeklyReminderTicked e) => Default(new HomeOwner(e.PersonId, e.Profile, e.EstablishmentId)).Apply(e);

    public HomePreferences Apply(HomeModeChosen e) => this with { Mode = e.Mode };

    public HomePreferences Apply(HomeWidgetsConfigured e) => this with { Widgets = e.Widgets };

    /// <summary>Only the last weeks' ticks are kept: the checklist is about this week.</summary>
    public HomePreferences Apply(WeeklyReminderTicked e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var kept = Ticked.Where(t => t.Week >= e.Week.AddDays(-HomeLayouts.TicksKeptDays) && t != new TickedReminder(e.Reminder, e.Week));
        return this with { Ticked = e.Done ? [.. kept, new TickedReminder(e.Reminder, e.Week)] : [.. kept] };
    }

    public bool IsTicked(WeeklyReminder reminder, DateOnly week) => Ticked.Contains(new TickedReminder(reminder, week));
}
