using MonBureau.Domain.Common;
using MonBureau.Domain.Home;

namespace MonBureau.Domain.Tests;

public class HomePreferencesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Wednesday = new(2026, 11, 18);
    private static readonly HomeOwner Student = new(Guid.CreateVersion7(), Role.Student, Guid.CreateVersion7());
    private static readonly HomeOwner Guardian = new(Guid.CreateVersion7(), Role.Guardian, Guid.CreateVersion7());

    private static string CodeOf(Action decision) => Assert.Throws<BusinessRuleException>(decision).Code;

    [Fact]
    public void Until_they_choose_a_person_s_home_page_is_guided_with_every_widget_of_their_profile()
    {
        var preferences = HomePreferences.Default(Student);

        Assert.Equal(HomeMode.Guided, preferences.Mode);
        Assert.Equal(HomeLayouts.WidgetsFor(Role.Student), preferences.Widgets.Select(w => w.Kind));
        Assert.DoesNotContain(HomeWidget.Absences, preferences.Widgets.Select(w => w.Kind));
    }

    [Fact]
    public void Choosing_the_mode_already_in_use_records_nothing()
    {
        var preferences = HomePreferences.Default(Student);

        var expert = HomeDecisions.ChooseMode(new SetHomeMode(HomeMode.Expert), preferences, Now);

        Assert.Equal(HomeMode.Expert, expert!.Mode);
        Assert.Null(HomeDecisions.ChooseMode(new SetHomeMode(HomeMode.Guided), preferences, Now));
        Assert.Equal(preferences.Id, HomePreferences.Create(expert).Id);
    }

    [Fact]
    public void Widgets_keep_the_order_given_and_must_belong_to_the_profile_once_each()
    {
        var preferences = HomePreferences.Default(Guardian);

        var configured = HomeDecisions.ConfigureWidgets(new ConfigureHomeWidgets([new(HomeWidget.Messages, true), new(HomeWidget.Absences, false)]), preferences, Now);

        Assert.Equal([HomeWidget.Messages, HomeWidget.Absences], configured.Widgets.Select(w => w.Kind));
        Assert.False(configured.Widgets[1].Visible);
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => HomeDecisions.ConfigureWidgets(new ConfigureHomeWidgets([new(HomeWidget.Portfolios, true)]), preferences, Now)));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => HomeDecisions.ConfigureWidgets(new ConfigureHomeWidgets([new(HomeWidget.Messages, true), new(HomeWidget.Messages, false)]), preferences, Now)));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => HomeDecisions.ConfigureWidgets(new ConfigureHomeWidgets([]), preferences, Now)));
    }

    [Fact]
    public void A_reminder_is_ticked_for_the_week_and_a_new_week_starts_unticked()
    {
        var preferences = HomePreferences.Default(Student);

        var ticked = preferences.Apply(HomeDecisions.Tick(new TickWeeklyReminder(WeeklyReminder.PlanTheWeek, true), preferences, Wednesday, Now)!);

        Assert.True(ticked.IsTicked(WeeklyReminder.PlanTheWeek, new DateOnly(2026, 11, 16)));
        Assert.Null(HomeDecisions.Tick(new TickWeeklyReminder(WeeklyReminder.PlanTheWeek, true), ticked, Wednesday.AddDays(2), Now));
        Assert.NotNull(HomeDecisions.Tick(new TickWeeklyReminder(WeeklyReminder.PlanTheWeek, true), ticked, Wednesday.AddDays(7), Now));
        Assert.Equal(ErrorCodes.Validation, CodeOf(() => HomeDecisions.Tick(new TickWeeklyReminder(WeeklyReminder.FillInTheLessonLog, true), preferences, Wednesday, Now)));
    }

    [Fact]
    public void The_checklist_lists_work_not_handed_in_soonest_first_then_messages_then_the_reminders()
    {
        var (soon, later, done) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var facts = ChecklistFacts.None with
        {
            HomeworkDue = [new(later, Student.PersonId, "Dissertation", Now.AddDays(2), false), new(soon, Student.PersonId, "Exercices", Now.AddDays(1), false),
                new(done, Student.PersonId, "Lecture", Now.AddDays(1), true)],
            UnreadMessages = 3,
        };

        var items = WeeklyChecklist.Build(HomePreferences.Default(Student), facts, Wednesday);

        Assert.Equal([ChecklistItemKind.HomeworkDue, ChecklistItemKind.HomeworkDue, ChecklistItemKind.UnreadMessages, ChecklistItemKind.Reminder], items.Select(i => i.Kind));
        Assert.Equal([soon, later], items.Take(2).Select(i => i.TargetId!.Value));
        Assert.Equal(3, items[2].Count);
        Assert.False(items[3].Done);
    }

    [Fact]
    public void A_guardian_s_checklist_asks_to_justify_each_absence()
    {
        var child = Guid.CreateVersion7();
        var facts = ChecklistFacts.None with { AbsencesToJustify = [new(Guid.CreateVersion7(), child, new DateOnly(2026, 11, 17))] };

        var items = WeeklyChecklist.Build(HomePreferences.Default(Guardian), facts, Wednesday);

        Assert.Equal("Justifier l'absence du 17/11", items[0].Label);
        Assert.Equal(child, items[0].StudentId);
        Assert.Equal(WeeklyReminder.ReviewTheWeekWithYourChild, items[^1].Reminder);
    }
}
