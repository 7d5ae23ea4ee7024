using GraphQL.Types;
using MonBureau.Domain.Home;

namespace MonBureau.Host.GraphQL.Types;

public sealed class HomeModeType : EnumerationGraphType<HomeMode>
{
    public HomeModeType()
    {
        Name = "HomeMode";
        Description = "GUIDED: shortcuts and a weekly checklist; EXPERT: the person's own widgets.";
    }
}

public sealed class HomeWidgetType : EnumerationGraphType<HomeWidget>
{
    public HomeWidgetType()
    {
        Name = "HomeWidget";
        Description = "A block of an expert home page; each profile has its own set (see myHomePreferences.availableWidgets).";
    }
}

public sealed class WeeklyReminderType : EnumerationGraphType<WeeklyReminder>
{
    public WeeklyReminderType()
    {
        Name = "WeeklyReminder";
        Description = "A weekly reminder of the guided checklist, ticked by hand: PLAN_THE_WEEK (student), REVIEW_THE_WEEK_WITH_YOUR_CHILD (guardian), FILL_IN_THE_LESSON_LOG (teacher).";
    }
}

public sealed class ChecklistItemKindType : EnumerationGraphType<ChecklistItemKind>
{
    public ChecklistItemKindType()
    {
        Name = "ChecklistItemKind";
        Description = "What a checklist item asks; only REMINDER items are ticked by hand, the others leave the list once done.";
    }
}

public sealed class HomeWidgetSettingType : ObjectGraphType<WidgetSetting>
{
    public HomeWidgetSettingType()
    {
        Name = "HomeWidgetSetting";
        Description = "One widget of an expert home page, in its place.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<HomeWidgetType>)).Description("Which widget.");
        Field(x => x.Visible).Description("Whether it is shown (a hidden one keeps its place).");
    }
}

public sealed class HomeWidgetSettingInputType : InputObjectGraphType<WidgetSetting>
{
    public HomeWidgetSettingInputType()
    {
        Name = "HomeWidgetSettingInput";
        Description = "One widget and whether it is shown.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<HomeWidgetType>)).Description("Which widget; it must belong to the profile.");
        Field(x => x.Visible).Description("Whether it is shown.");
    }
}

public sealed class HomePreferencesType : ObjectGraphType<HomePreferences>
{
    public HomePreferencesType()
    {
        Name = "HomePreferences";
        Description = "How the signed-in person's home page is laid out in the profile they act in.";
        Field(x => x.Mode, type: typeof(NonNullGraphType<HomeModeType>)).Description("GUIDED until the person chooses otherwise.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HomeWidgetSettingType>>>, IReadOnlyList<WidgetSetting>>("widgets")
            .Description("The expert home page's widgets in their order.")
            .Resolve(ctx => ctx.Source.Widgets);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HomeWidgetType>>>, IReadOnlyList<HomeWidget>>("availableWidgets")
            .Description("The widgets this profile may place.")
            .Resolve(ctx => HomeLayouts.WidgetsFor(ctx.Source.Owner.Profile));
    }
}

public sealed class ChecklistItemType : ObjectGraphType<ChecklistItem>
{
    public ChecklistItemType()
    {
        Name = "ChecklistItem";
        Description = "One line of the guided home page's weekly checklist, computed from the person's data.";
        Field(x => x.Kind, type: typeof(NonNullGraphType<ChecklistItemKindType>)).Description("What it asks.");
        Field(x => x.Label).Description("What to show, in French.");
        Field(x => x.Done).Description("For a reminder, whether it was ticked this week; other items are listed only while to do.");
        Field(x => x.TargetId, type: typeof(IdGraphType)).Description("The homework or absence concerned, if any.");
        Field(x => x.StudentId, type: typeof(IdGraphType)).Description("The student concerned (the child, on a guardian's page), if any.");
        Field(x => x.DueAt, nullable: true).Description("When the work is due, for homework.");
        Field(x => x.Count, nullable: true).Description("How many, for counted items (unread messages, work to review).");
        Field(x => x.Reminder, type: typeof(WeeklyReminderType)).Description("The reminder, to tick with tickWeeklyReminder.");
    }
}

public sealed class SetHomeModeInputType : InputObjectGraphType<SetHomeMode>
{
    public SetHomeModeInputType()
    {
        Name = "SetHomeModeInput";
        Description = "The home mode to use from now on.";
        Field(x => x.Mode, type: typeof(NonNullGraphType<HomeModeType>)).Description("GUIDED or EXPERT.");
    }
}

public sealed class ConfigureHomeWidgetsInputType : InputObjectGraphType<ConfigureHomeWidgets>
{
    public ConfigureHomeWidgetsInputType()
    {
        Name = "ConfigureHomeWidgetsInput";
        Description = "The expert home page's widgets in their new order.";
        Field(x => x.Widgets, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<HomeWidgetSettingInputType>>>))
            .Description("Each widget once, of the profile's widgets (VALIDATION otherwise); widgets left out are not on the page.");
    }
}

public sealed class TickWeeklyReminderInputType : InputObjectGraphType<TickWeeklyReminder>
{
    public TickWeeklyReminderInputType()
    {
        Name = "TickWeeklyReminderInput";
        Description = "Ticks (or unticks) a reminder of this week's checklist.";
        Field(x => x.Reminder, type: typeof(NonNullGraphType<WeeklyReminderType>)).Description("The reminder; one of the profile's.");
        Field(x => x.Done).Description("Ticked or not.");
    }
}
