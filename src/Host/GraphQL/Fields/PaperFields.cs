using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Paper;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Host.Paper;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.Homework;
using MonBureau.Projections.Messaging;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>Paper on request (version papier) for families without digital access (docs/school-life.md).</summary>
internal static class PaperFields
{
    /// <summary>Homework due within this period is printed.</summary>
    public static readonly TimeSpan HomeworkAhead = TimeSpan.FromDays(14);
    public const int MaxItems = 50;

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<FamilyPaperType>, FamilyPaper>("printFamilyPendingItems")
            .Description($"The school-life office prints, for a guardian without digital access, their unread messages and each child's homework due within {HomeworkAhead.TotalDays:0} days and absences to justify, as a PDF. Reading the family's data is recorded in the access history and the issue as an event.")
            .Argument<NonNullGraphType<IdGraphType>>("guardianId", "The guardian.")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                var establishmentId = actor.EstablishmentId ?? Guid.Empty;
                var now = ctx.Service<TimeProvider>().GetUtcNow();
                await using var session = ctx.OpenQuerySession();
                var guardian = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("guardianId"), DataCategory.Messages);
                var messages = await UnreadMessagesAsync(session, guardian.Id, ctx.CancellationToken);
                var children = new List<PaperChild>();
                var studentIds = new List<Guid>();
                foreach (var child in guardian.Children.Where(c => c.EstablishmentId == establishmentId))
                {
                    var student = await PersonAccess.ReadableAsync(ctx, session, child.StudentId, DataCategory.Homework);
                    await PersonAccess.ReadableAsync(ctx, session, child.StudentId, DataCategory.Absences);
                    studentIds.Add(student.Id);
                    children.Add(new PaperChild(
                        $"{student.GivenName.Value} {student.FamilyName.Value}",
                        [.. (await HomeworkDueAsync(ctx, session, student, now)).Select(h => (h.Subject, h.Title, h.DueAt, h.Instructions.Value))],
                        [.. (await AbsencesToJustifyAsync(session, establishmentId, student.Id, ctx.CancellationToken)).Select(a => (a.FirstDay, a.LastDay))]));
                }

                var issueId = await ctx.Service<IMessageBus>().RunAsync<Guid>(
                    new IssueFamilyPaper(guardian.Id, studentIds, messages.Count, children.Sum(c => c.Homework.Count), children.Sum(c => c.AbsencesToJustify.Count)),
                    ctx.CancellationToken);
                var establishment = await session.LoadAsync<EstablishmentDetails>(establishmentId, ctx.CancellationToken);
                var pdf = FamilyPaperDocument.Render(new FamilyPaperContent(
                    issueId, establishment?.Name ?? "", $"{guardian.GivenName.Value} {guardian.FamilyName.Value}", DateOnly.FromDateTime(now.UtcDateTime), messages, children));
                return new FamilyPaper(issueId, now, Convert.ToBase64String(pdf));
            });

    private static async Task<IReadOnlyList<PaperMessage>> UnreadMessagesAsync(IQuerySession session, Guid guardianId, CancellationToken cancellationToken)
    {
        var threads = await session.Query<MessageThreadView>().Where(t => t.VisibleTo.Contains(guardianId)).ToListAsync(cancellationToken);
        return [.. threads
            .SelectMany(t => t.MessagesFor(guardianId)
                .Where(m => m.IsLive && m.Recipients.Any(r => r.PersonId == guardianId && r.ReadAt is null))
                .Select(m => new PaperMessage(t.Subject.Value ?? "", m.DeliveredAt ?? m.PostedAt, t.Confidential ? null : m.Body.Value)))
            .OrderBy(m => m.At)
            .Take(MaxItems)];
    }

    private static async Task<IReadOnlyList<HomeworkDetails>> HomeworkDueAsync(IResolveFieldContext ctx, IQuerySession session, PersonDetails student, DateTimeOffset now)
    {
        var until = now + HomeworkAhead;
        return await (await HomeworkFields.HomeworkOfAsync(ctx, session, student))
            .Where(h => h.DueAt <= until)
            .OrderBy(h => h.DueAt)
            .Take(MaxItems)
            .ToListAsync(ctx.CancellationToken);
    }

    /// <summary>Absences with no justification yet, or whose justification was rejected.</summary>
    private static async Task<IReadOnlyList<AbsenceView>> AbsencesToJustifyAsync(IQuerySession session, Guid establishmentId, Guid studentId, CancellationToken cancellationToken) =>
        await session.Query<AbsenceView>()
            .Where(a => a.EstablishmentId == establishmentId && a.StudentId == studentId && !a.Withdrawn && !a.Justified
                && (a.Justification == JustificationStatus.None || a.Justification == JustificationStatus.Rejected))
            .OrderBy(a => a.FirstDay)
            .Take(MaxItems)
            .ToListAsync(cancellationToken);
}
