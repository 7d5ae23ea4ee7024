using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Homework;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Groups;
using MonBureau.Projections.Homework;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>Online submission (remise en ligne): students hand in, teachers follow and give feedback, families read it.</summary>
internal static class HomeworkSubmissionFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<SubmissionType, SubmissionDetails>("mySubmission")
            .Description("The signed-in student's submission for a homework; null when not handed in yet.")
            .Argument<NonNullGraphType<IdGraphType>>("homeworkId", "The homework.")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                return await session.LoadAsync<SubmissionDetails>(
                    HomeworkSubmission.IdFor(ctx.GetArgument<Guid>("homeworkId"), ctx.Actor().Id), ctx.CancellationToken);
            });

        query.Connection<SubmissionType, SubmissionDetails>("studentSubmissions")
            .Description("A child's submissions with their feedback, latest first: for their guardians.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .AuthorizeWithRoles(nameof(Role.Guardian))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Homework);
                return await session.Query<SubmissionDetails>()
                    .Where(s => s.StudentId == student.Id)
                    .ToConnectionAsync(ctx, by => by.Descending(s => s.SubmittedAt));
            });

        query.Connection<SubmissionStatusType, SubmissionStatus>("homeworkSubmissions")
            .Description("For the teacher who set it: every student the homework is for, handed in or not, late or not, in roster order.")
            .Argument<NonNullGraphType<IdGraphType>>("homeworkId", "The homework.")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                await using var session = ctx.OpenQuerySession();
                var homework = await session.LoadAsync<HomeworkDetails>(ctx.GetArgument<Guid>("homeworkId"), ctx.CancellationToken);
                if (homework is null || homework.TeacherId != actor.Id)
                    throw BusinessRuleException.NotFound("Homework");
                // The roster of one class or group, in roster order: paged in memory, and only the students shown are recorded.
                var students = (await AssignedStudentsAsync(session, homework, ctx.CancellationToken)).ToConnection(ctx);
                Guid[] ids = [.. students.Nodes.Select(s => s.Id)];
                var submissions = (await session.Query<SubmissionDetails>().Where(s => s.HomeworkId == homework.Id && s.StudentId.IsOneOf(ids)).ToListAsync(ctx.CancellationToken))
                    .ToDictionary(s => s.StudentId);
                await RecordReadsAsync(ctx, ids);
                return students.Select(s => new SubmissionStatus(s, submissions.GetValueOrDefault(s.Id)));
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SubmissionType>, SubmissionDetails>("submitHomework")
            .Description("Hands in (or, until the due date, hands in again) the signed-in student's work; after the due date it is accepted once, flagged late.")
            .Argument<NonNullGraphType<SubmitHomeworkInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Student))
            .ResolveAsync(ctx =>
            {
                var input = ctx.GetArgument<SubmitHomeworkInput>("input");
                return ctx.SendAndReadAsync<SubmissionDetails>(new SubmitHomework(input.HomeworkId, input.Text, [.. (input.Files ?? []).Select(f => f.ToUpload())]));
            });

        mutation.Field<NonNullGraphType<SubmissionType>, SubmissionDetails>("giveSubmissionFeedback")
            .Description("Gives dated feedback on a submission to the teacher's homework: a grade on a barème, a comment, or both.")
            .Argument<NonNullGraphType<GiveSubmissionFeedbackInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<SubmissionDetails>(ctx.GetArgument<GiveSubmissionFeedback>("input")));
    }

    /// <summary>The latest submissions of these students, latest first, at most <paramref name="take"/>; one query whatever the number of students.</summary>
    internal static async Task<IReadOnlyList<SubmissionDetails>> LatestOfAsync(IQuerySession session, Guid[] studentIds, int take, CancellationToken cancellationToken) =>
        await session.Query<SubmissionDetails>()
            .Where(s => s.StudentId.IsOneOf(studentIds))
            .OrderByDescending(s => s.SubmittedAt)
            .Take(take)
            .ToListAsync(cancellationToken);

    /// <summary>The student themself, the teacher who set the work, or a guardian the relationship policy allows (the read is recorded).</summary>
    internal static async Task<bool> MayOpenFileAsync(IResolveFieldContext ctx, IQuerySession session, SubmissionDetails submission)
    {
        var actor = ctx.Actor();
        if (actor.Id == submission.StudentId && actor.Role == Role.Student)
            return true;
        if (actor.Role == Role.Teacher)
        {
            var homework = await session.LoadAsync<HomeworkDetails>(submission.HomeworkId, ctx.CancellationToken);
            if (homework?.TeacherId != actor.Id)
                return false;
            await RecordReadsAsync(ctx, [submission.StudentId]);
            return true;
        }

        if (actor.Role != Role.Guardian)
            return false;
        try
        {
            await PersonAccess.ReadableAsync(ctx, session, submission.StudentId, DataCategory.Homework);
            return true;
        }
        catch (ExecutionError)
        {
            return false;
        }
    }

    private static async Task<IReadOnlyList<PersonDetails>> AssignedStudentsAsync(IQuerySession session, HomeworkDetails homework, CancellationToken cancellationToken)
    {
        var group = await session.LoadAsync<GroupDetails>(homework.ClassId, cancellationToken);
        var members = group is null
            ? await session.Query<PersonDetails>().Where(p => p.ClassId == homework.ClassId).ToListAsync(cancellationToken)
            : await session.LoadManyAsync<PersonDetails>(cancellationToken, group.Members);
        return [.. members
            .Where(p => homework.StudentIds.Count == 0 || homework.StudentIds.Contains(p.Id))
            .OrderBy(p => p.FamilyName.Value, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .ThenBy(p => p.GivenName.Value, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))];
    }

    private static Task RecordReadsAsync(IResolveFieldContext ctx, IReadOnlyList<Guid> studentIds)
    {
        var actor = ctx.Actor();
        var operation = $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
        var now = ctx.Service<TimeProvider>().GetUtcNow();
        return ctx.Service<Application.Auditing.AccessLog>().RecordAsync([.. studentIds.Select(id => new AccessRecord(
            actor.Id, actor.Role, actor.EstablishmentId, id, DataCategory.Homework, operation, ActingContext.CorrelationId ?? "", now))]);
    }
}
