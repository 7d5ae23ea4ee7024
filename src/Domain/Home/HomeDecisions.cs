using MonBureau.Domain.Common;

namespace MonBureau.Domain.Home;

/// <summary>A person changes their own home page; every change is an event, a choice that changes nothing is none.</summary>
public static class HomeDecisions
{
    /// <returns>Null when the mode is already the one chosen.</returns>
    public static HomeModeChosen? ChooseMode(SetHomeMode command, HomePreferences current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(current);
        CheckProfile(current.Owner);
        if (!Enum.IsDefined(command.Mode))
            throw new BusinessRuleException(ErrorCodes.Validation, "Unknown home mode.") { Field = "Mode" };
        var owner = current.Owner;
        return command.Mode == current.Mode ? null : new HomeModeChosen(current.Id, owner.PersonId, owner.Profile, owner.EstablishmentId, command.Mode, now);
    }

    /// <summary>The widgets in their order; each must belong to the profile and appear once.</summary>
    public static HomeWidgetsConfigured ConfigureWidgets(ConfigureHomeWidgets command, HomePreferences current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(current);
        var owner = current.Owner;
        CheckProfile(owner);
        var widgets = command.Widgets ?? [];
        if (widgets.Count == 0)
            throw Invalid("Name at least one widget.");
        var allowed = HomeLayouts.WidgetsFor(owner.Profile);
        if (widgets.FirstOrDefault(w => !allowed.Contains(w.Kind)) is { } unknown)
            throw Invalid($"{unknown.Kind} is not a widget of the {owner.Profile} home page; choose among {string.Join(", ", allowed)}.");
        if (widgets.GroupBy(w => w.Kind).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw Invalid($"{twice.Key} appears more than once.");
        return new HomeWidgetsConfigured(current.Id, owner.PersonId, owner.Profile, owner.EstablishmentId, [.. widgets], now);
    }

    /// <param name="today">The establishment's local date: the reminder is ticked for its week.</param>
    /// <returns>Null when the reminder is already in that state this week.</returns>
    public static WeeklyReminderTicked? Tick(TickWeeklyReminder command, HomePreferences current, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(current);
        var owner = current.Owner;
        CheckProfile(owner);
        if (!HomeLayouts.RemindersFor(owner.Profile).Contains(command.Reminder))
            throw new BusinessRuleException(ErrorCodes.Validation, $"{command.Reminder} is not a reminder of the {owner.Profile} checklist; only reminders are ticked, the other items follow the data.") { Field = "Reminder" };
        var week = HomeLayouts.WeekOf(today);
        return current.IsTicked(command.Reminder, week) == command.Done
            ? null
            : new WeeklyReminderTicked(current.Id, owner.PersonId, owner.Profile, owner.EstablishmentId, command.Reminder, week, command.Done, now);
    }

    private static void CheckProfile(HomeOwner owner)
    {
        if (!HomeLayouts.Profiles.Contains(owner.Profile))
            throw BusinessRuleException.Forbidden();
    }

    private static BusinessRuleException Invalid(string message) => new(ErrorCodes.Validation, message) { Field = "Widgets" };
}
