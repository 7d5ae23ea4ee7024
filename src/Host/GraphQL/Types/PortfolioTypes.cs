using GraphQL;
using GraphQL.Types;
using MonBureau.Domain.Portfolios;
using MonBureau.Projections.Homework;
using MonBureau.Projections.Portfolios;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>An entry with the handed-in work it refers to, read for the whole portfolio at once (null once that work is purged).</summary>
public sealed record PortfolioEntryItem(PortfolioEntryView Entry, SubmissionDetails? Submission);

public sealed class PortfolioType : ObjectGraphType<PortfolioView>
{
    // The complexity limit counts an unbounded list as 20 items; a portfolio's lists are usually short.
    public const int ExpectedEntries = 10;
    public const int ExpectedFeedback = 2;

    public PortfolioType()
    {
        Name = "Portfolio";
        Description = "A student's portfolio (« Parcours Avenir », « Parcours citoyen »…): their work and reflections in their order, with their teachers' feedback.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.StudentId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The student it belongs to.");
        this.PersonalField("title", p => p.Title, "Its title, as the student wrote it.");
        Field(x => x.CreatedAt).Description("When it was opened.");
        Field(x => x.UpdatedAt).Description("When an entry was last added, edited, removed or moved.");
        Field(x => x.SharedWithGuardians).Description("Whether the student shares it with their guardians (who may then read it).");
        Field(x => x.SharedAt, nullable: true).Description("Since when it is shared; null when not shared.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PortfolioEntryType>>>, IReadOnlyList<PortfolioEntryItem>>("entries")
            .Description($"The entries in the student's order (at most {PortfolioDecisions.MaxEntries}).")
            .WithComplexityImpact(1, ExpectedEntries)
            .ResolveAsync(async ctx =>
            {
                var ids = ctx.Source.Entries.Where(e => e.SubmissionId is not null).Select(e => e.SubmissionId!.Value).Distinct().ToArray();
                await using var session = ctx.OpenQuerySession();
                Dictionary<Guid, SubmissionDetails> work = ids.Length == 0 ? [] : (await session.LoadManyAsync<SubmissionDetails>(ctx.CancellationToken, ids)).ToDictionary(s => s.Id);
                return [.. ctx.Source.Entries.Select(e => new PortfolioEntryItem(e, e.SubmissionId is { } id ? work.GetValueOrDefault(id) : null))];
            });
    }
}

public sealed class PortfolioEntryType : ObjectGraphType<PortfolioEntryItem>
{
    public PortfolioEntryType()
    {
        Name = "PortfolioEntry";
        Description = "One entry of a portfolio: handed-in work of the student with an optional reflection, or a free text.";
        Field<NonNullGraphType<IdGraphType>, Guid>("id").Description("Stable identifier within the portfolio.").Resolve(ctx => ctx.Source.Entry.Id);
        this.PersonalField("title", e => e.Entry.Title, "The entry's title.");
        this.PersonalField("text", e => e.Entry.Text, "The student's text or reflection; null when the entry is only their work.");
        Field<IdGraphType, Guid?>("submissionId").Description("The handed-in work it refers to, if any.").Resolve(ctx => ctx.Source.Entry.SubmissionId);
        Field<SubmissionType, SubmissionDetails>("submission")
            .Description("That work with its files (each opened with the file query) and its homework feedback; null for a free entry or once the work was purged.")
            .Resolve(ctx => ctx.Source.Submission);
        Field<NonNullGraphType<DateTimeOffsetGraphType>, DateTimeOffset>("addedAt").Description("When it was added.").Resolve(ctx => ctx.Source.Entry.AddedAt);
        Field<DateTimeOffsetGraphType, DateTimeOffset?>("editedAt").Description("When it was last edited; null if never.").Resolve(ctx => ctx.Source.Entry.EditedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PortfolioFeedbackRequestType>>>, IReadOnlyList<PortfolioFeedbackRequest>>("feedbackRequests")
            .Description("The teachers the student asked for feedback, oldest first.")
            .WithComplexityImpact(1, PortfolioType.ExpectedFeedback)
            .Resolve(ctx => ctx.Source.Entry.FeedbackRequests);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PortfolioFeedbackType>>>, IReadOnlyList<PortfolioFeedback>>("feedback")
            .Description("The teachers' feedback, oldest first.")
            .WithComplexityImpact(1, PortfolioType.ExpectedFeedback)
            .Resolve(ctx => ctx.Source.Entry.Feedback);
    }
}

public sealed class PortfolioFeedbackRequestType : ObjectGraphType<PortfolioFeedbackRequest>
{
    public PortfolioFeedbackRequestType()
    {
        Name = "PortfolioFeedbackRequest";
        Description = "The student asked a teacher of theirs for feedback on an entry.";
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher asked.");
        Field(x => x.RequestedAt).Description("When.");
        Field(x => x.AnsweredAt, nullable: true).Description("When the teacher gave feedback; null while waiting.");
    }
}

public sealed class PortfolioFeedbackType : ObjectGraphType<PortfolioFeedback>
{
    public PortfolioFeedbackType()
    {
        Name = "PortfolioFeedback";
        Description = "A teacher's dated comment on a portfolio entry.";
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher who wrote it.");
        this.PersonalField("comment", f => f.Comment, "The comment.");
        Field(x => x.GivenAt).Description("When it was given.");
    }
}

public sealed class CreatePortfolioInputType : InputObjectGraphType<CreatePortfolio>
{
    public CreatePortfolioInputType()
    {
        Name = "CreatePortfolioInput";
        Description = "A new portfolio of the signed-in student.";
        Field(x => x.Title).Description("Its title, e.g. « Parcours Avenir », « Parcours citoyen », at most 200 characters.");
    }
}

public sealed class AddPortfolioEntryInputType : InputObjectGraphType<AddPortfolioEntry>
{
    public AddPortfolioEntryInputType()
    {
        Name = "AddPortfolioEntryInput";
        Description = "An entry at the end of a portfolio: the student's own handed-in work (submissionId) with an optional reflection, or a free text.";
        Field(x => x.PortfolioId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio.");
        Field(x => x.Title).Description("The entry's title, at most 200 characters.");
        Field(x => x.Text, nullable: true).Description($"The text or reflection, at most {PortfolioDecisions.MaxTextLength:N0} characters; required without submissionId.");
        Field(x => x.SubmissionId, type: typeof(IdGraphType)).Description("The student's own submission (copie rendue) it refers to.");
    }
}

public sealed class EditPortfolioEntryInputType : InputObjectGraphType<EditPortfolioEntry>
{
    public EditPortfolioEntryInputType()
    {
        Name = "EditPortfolioEntryInput";
        Description = "New title and text of an entry; the work it refers to stays.";
        Field(x => x.PortfolioId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio.");
        Field(x => x.EntryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry.");
        Field(x => x.Title).Description("The title.");
        Field(x => x.Text, nullable: true).Description("The text; may be empty only for an entry that refers to work.");
    }
}

public sealed class PortfolioEntryInputType : InputObjectGraphType<RemovePortfolioEntry>
{
    public PortfolioEntryInputType()
    {
        Name = "PortfolioEntryInput";
        Description = "One entry of a portfolio.";
        Field(x => x.PortfolioId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio.");
        Field(x => x.EntryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry.");
    }
}

public sealed class ReorderPortfolioEntriesInputType : InputObjectGraphType<ReorderPortfolioEntries>
{
    public ReorderPortfolioEntriesInputType()
    {
        Name = "ReorderPortfolioEntriesInput";
        Description = "The portfolio's entries in their new order: every entry, once.";
        Field(x => x.PortfolioId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio.");
        Field(x => x.EntryIds, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>)).Description("Every entry's id, in the new order.");
    }
}

public sealed class RequestPortfolioFeedbackInputType : InputObjectGraphType<RequestPortfolioFeedback>
{
    public RequestPortfolioFeedbackInputType()
    {
        Name = "RequestPortfolioFeedbackInput";
        Description = "Asks a teacher of the student (of their class or one of their groups) for feedback on an entry.";
        Field(x => x.PortfolioId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio.");
        Field(x => x.EntryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry.");
        Field(x => x.TeacherId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The teacher.");
    }
}

public sealed class GivePortfolioFeedbackInputType : InputObjectGraphType<GivePortfolioFeedback>
{
    public GivePortfolioFeedbackInputType()
    {
        Name = "GivePortfolioFeedbackInput";
        Description = "A teacher's comment on an entry they were asked about.";
        Field(x => x.PortfolioId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The portfolio.");
        Field(x => x.EntryId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The entry.");
        Field(x => x.Comment).Description($"The comment, at most {PortfolioDecisions.MaxFeedbackLength:N0} characters.");
    }
}
