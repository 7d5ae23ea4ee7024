using System.Globalization;

namespace MonBureau.Domain.Home;

/// <summary>What a guided checklist item asks.</summary>
public enum ChecklistItemKind
{
    /// <summary>Homework due this week, not handed in yet.</summary>
    HomeworkDue,

    /// <summary>Messages not read yet.</summary>
    UnreadMessages,

    /// <summary>A child's absence the family has not justified (or whose justification was rejected).</summary>
    AbsenceToJustify,

    /// <summary>Work handed in to the teacher that waits for feedback.</summary>
    SubmissionsToReview,

    /// <summary>Students who asked the teacher for feedback on their portfolio.</summary>
    PortfolioFeedbackRequested,

    /// <summary>A weekly reminder the person ticks themself.</summary>
    Reminder,
}

/// <summary>One line of the weekly checklist; only a <see cref="ChecklistItemKind.Reminder"/> is ticked by hand, the others leave when done.</summary>
public sealed record ChecklistItem(
    ChecklistItemKind Kind, string Label, bool Done = false, Guid? TargetId = null, Guid? StudentId = null, DateTimeOffset? DueAt = null, int? Count = null,
    WeeklyReminder? Reminder = null);

public sealed record HomeworkDueFact(Guid HomeworkId, Guid StudentId, string Title, DateTimeOffset DueAt, bool HandedIn);

public sealed record AbsenceToJustifyFact(Guid AbsenceId, Guid StudentId, DateOnly FirstDay);

/// <summary>What the person's data says this week; the home page reads it, the checklist only arranges it.</summary>
public sealed record ChecklistFacts(
    IReadOnlyList<HomeworkDueFact> HomeworkDue, int UnreadMessages, IReadOnlyList<AbsenceToJustifyFact> AbsencesToJustify, int SubmissionsToReview,
    int PortfolioFeedbackRequested)
{
    public static readonly ChecklistFacts None = new([], 0, [], 0, 0);
}

public static class WeeklyChecklist
{
    /// <summary>The week's list: what the data asks for (most urgent first), then the profile's reminders with their ticks.</summary>
    /// <param name="today">The establishment's local date.</param>
    public static IReadOnlyList<ChecklistItem> Build(HomePreferences preferences, ChecklistFacts facts, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        ArgumentNullException.ThrowIfNull(facts);
        var items = new List<ChecklistItem>();
        items.AddRange(facts.HomeworkDue.Where(h => !h.HandedIn).OrderBy(h => h.DueAt)
            .Select(h => new ChecklistItem(ChecklistItemKind.HomeworkDue, $"Rendre « {h.Title} »", TargetId: h.HomeworkId, StudentId: h.StudentId, DueAt: h.DueAt)));
        items.AddRange(facts.AbsencesToJustify.OrderBy(a => a.FirstDay)
            .Select(a => new ChecklistItem(ChecklistItemKind.AbsenceToJustify, $"Justifier l'absence du {a.FirstDay.ToString("dd/MM", CultureInfo.InvariantCulture)}", TargetId: a.AbsenceId, StudentId: a.StudentId)));
        if (facts.SubmissionsToReview > 0)
            items.Add(new ChecklistItem(ChecklistItemKind.SubmissionsToReview, $"Copies à corriger : {facts.SubmissionsToReview}", Count: facts.SubmissionsToReview));
        if (facts.PortfolioFeedbackRequested > 0)
            items.Add(new ChecklistItem(ChecklistItemKind.PortfolioFeedbackRequested, $"Portfolios en attente de votre avis : {facts.PortfolioFeedbackRequested}", Count: facts.PortfolioFeedbackRequested));
        if (facts.UnreadMessages > 0)
            items.Add(new ChecklistItem(ChecklistItemKind.UnreadMessages, $"Messages non lus : {facts.UnreadMessages}", Count: facts.UnreadMessages));
        var week = HomeLayouts.WeekOf(today);
        items.AddRange(HomeLayouts.RemindersFor(preferences.Owner.Profile)
            .Select(r => new ChecklistItem(ChecklistItemKind.Reminder, ReminderLabel(r), preferences.IsTicked(r, week), Reminder: r)));
        return items;
    }

    private static string ReminderLabel(WeeklyReminder reminder) => reminder switch
    {
        WeeklyReminder.PlanTheWeek => "Regarder l'emploi du temps et l'agenda de la semaine",
        WeeklyReminder.ReviewTheWeekWithYourChild => "Faire le point de la semaine avec votre enfant",
        WeeklyReminder.FillInTheLessonLog => "Compléter le cahier de textes",
        _ => reminder.ToString(),
    };
}
