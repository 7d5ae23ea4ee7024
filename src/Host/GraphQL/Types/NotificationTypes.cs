using GraphQL.Types;
using MonBureau.Domain.Notifications;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A group of notifications as the reader sees it, with the actor's name resolved.</summary>
public sealed record NotificationGroupView(NotificationGroup Group, string? ActorName, bool Unread);

/// <summary>One category and the reader's choice for it.</summary>
public sealed record NotificationPreferenceView(NotificationCategory Category, NotificationPreference Preference, bool Chosen);

public sealed class NotificationGroupType : ObjectGraphType<NotificationGroupView>
{
    public NotificationGroupType()
    {
        Name = "NotificationGroup";
        Description = "One notification, or several of the same kind from the same person within minutes, told once.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IEnumerable<Guid>>("ids")
            .Description("The notifications grouped here, to mark them read.")
            .Resolve(ctx => ctx.Source.Group.Items.Select(i => i.Id));
        Field<NonNullGraphType<NotificationCategoryType>, NotificationCategory>("category").Description("What it is about.").Resolve(ctx => ctx.Source.Group.Category);
        Field<NonNullGraphType<StringGraphType>, string>("kind").Description("What happened, e.g. homework.assigned.").Resolve(ctx => ctx.Source.Group.Kind);
        Field<NonNullGraphType<StringGraphType>, string>("summary")
            .Description("The line to show, in French, e.g. « 3 nouveaux travaux à faire de Claire Muller ».")
            .Resolve(ctx => NotificationText.Summary(ctx.Source.Group, ctx.Source.ActorName));
        Field<NonNullGraphType<IntGraphType>, int>("count").Description("How many events it groups.").Resolve(ctx => ctx.Source.Group.Items.Count);
        Field<IdGraphType, Guid?>("actorId").Description("Who caused them.").Resolve(ctx => ctx.Source.Group.ActorId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, IEnumerable<Guid>>("sourceIds")
            .Description("What to open: the conversations, homework or records concerned.")
            .Resolve(ctx => ctx.Source.Group.Items.Select(i => i.SourceId).Distinct());
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("latestAt").Description("When the latest happened.").Resolve(ctx => ctx.Source.Group.LatestAt);
        Field<NonNullGraphType<BooleanGraphType>, bool>("unread").Description("Whether any of them is unread.").Resolve(ctx => ctx.Source.Unread);
    }
}

public sealed class NotificationPreferenceType : ObjectGraphType<NotificationPreferenceView>
{
    public NotificationPreferenceType()
    {
        Name = "NotificationPreferenceSetting";
        Description = "How the reader is told about one category.";
        Field(x => x.Category, type: typeof(NonNullGraphType<NotificationCategoryType>)).Description("The category.");
        Field(x => x.Preference, type: typeof(NonNullGraphType<NotificationPreferenceKindType>)).Description("Immediately, in the daily digest, or off.");
        Field(x => x.Chosen).Description("False while the profile's default applies.");
    }
}

public sealed class NotificationCategoryType : EnumerationGraphType<NotificationCategory>
{
    public NotificationCategoryType()
    {
        Name = "NotificationCategory";
        Description = "MESSAGES, HOMEWORK (new work), FEEDBACK (work returned, grades), ABSENCES, AGENDA, DISCIPLINE, FORUMS (for moderators: posts reported or waiting for approval).";
    }
}

public sealed class NotificationPreferenceKindType : EnumerationGraphType<NotificationPreference>
{
    public NotificationPreferenceKindType()
    {
        Name = "NotificationPreference";
        Description = "IMMEDIATELY (outside quiet hours), DAILY_DIGEST (one e-mail at the end of the day), OFF.";
    }
}
