namespace MonBureau.Domain.Notifications;

/// <summary>What a notification is about; each person chooses, per category, how to be told.</summary>
public enum NotificationCategory
{
    Messages,
    Homework,
    Feedback,
    Absences,
    Agenda,
    Discipline,

    /// <summary>For a forum's moderators: posts reported or waiting for approval.</summary>
    Forums,
}

/// <summary>How a person wants to hear about a category: at once, in one daily digest, or not at all.</summary>
public enum NotificationPreference
{
    Immediately,
    DailyDigest,
    Off,
}
