using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL.Nodes;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Homework;
using MonBureau.Projections.LessonLog;
using MonBureau.Projections.Messaging;
using MonBureau.Projections.Resources;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Opening a stored file (ADR 0015): the file is found through the record it is attached to, and that record's own
/// policy decides; a refusal and a missing file read the same and the refusal is recorded.
/// </summary>
internal static class FileFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<FileDownloadType>, FileDownload>("file")
            .Description("Opens a stored file for whoever may read a record it is attached to: a submission (the student, their guardians, the teacher who set the work), a lesson log entry (its readers), an absence justification (the student's guardians, the school-life office and the direction), a message (its author and recipients; reading a confidential one is recorded), a workspace folder (its readers; another person's personal or dropped file is recorded), a homework's documents (its teachers and students) or a resource (its readers, when its author may read the file).")
            .Argument<NonNullGraphType<IdGraphType>>("fileId", "The file.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                var fileId = ctx.GetArgument<Guid>("fileId");
                await using var session = ctx.OpenQuerySession();
                if (!await MayOpenAsync(ctx, session, fileId))
                {
                    await ctx.Service<DeniedAccessLog>().RecordAsync(ctx.Actor(), "Query.file", fileId, "NoRelationship");
                    throw new ExecutionError("You are not allowed to open this file.") { Code = ErrorCodes.Forbidden };
                }

                var file = await ctx.Service<FileStore>().OpenAsync(fileId, ctx.CancellationToken) ?? throw BusinessRuleException.NotFound("File");
                return new FileDownload(file.Id, file.Name, file.ContentType, file.Size, file.Sha256, Convert.ToBase64String(file.Content));
            });

    /// <summary>
    /// A file may be named by several records (a workspace file referenced from a homework, a message or a resource,
    /// ADR 0031): the reader may open it when any of them lets them.
    /// </summary>
    private static async Task<bool> MayOpenAsync(IResolveFieldContext ctx, IQuerySession session, Guid fileId)
    {
        var submission = await session.Query<SubmissionDetails>().Where(s => s.Files.Any(f => f.FileId == fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (submission is not null && await HomeworkSubmissionFields.MayOpenFileAsync(ctx, session, submission))
            return true;
        var entry = await session.Query<LessonLogEntryDetails>().Where(e => e.Attachments.Any(f => f.FileId == fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (entry is not null && await LessonLogFields.MayReadAsync(ctx, session, entry))
            return true;
        var thread = await session.Query<MessageThreadView>().Where(t => t.AttachmentIds.Contains(fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (thread is not null && await MessagingFields.MayOpenAttachmentAsync(ctx, thread, fileId))
            return true;
        var absence = await session.Query<AbsenceView>().Where(a => a.Documents.Any(f => f.FileId == fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (absence is not null && await AttendanceFields.MayOpenJustificationDocumentAsync(ctx, session, absence))
            return true;
        return await WorkspaceFields.MayOpenFileAsync(ctx, session, fileId)
            || await HomeworkDocumentAsync(ctx, session, fileId)
            || await ResourceAttachmentAsync(ctx, session, fileId);
    }

    /// <summary>A document handed out with homework: for the teachers of its class or group and the students it is set to.</summary>
    private static async Task<bool> HomeworkDocumentAsync(IResolveFieldContext ctx, IQuerySession session, Guid fileId)
    {
        var homework = await session.Query<HomeworkDetails>().Where(h => h.Documents.Any(f => f.FileId == fileId)).Take(20).ToListAsync(ctx.CancellationToken);
        if (homework.Count == 0)
            return false;
        if (ctx.Actor().Role == Role.Teacher)
        {
            var taught = await TeachingStructureFields.TaughtUnitsAsync(session, ctx.Actor().Id, ctx.CancellationToken);
            return homework.Any(h => taught.Contains(h.ClassId));
        }

        foreach (var work in homework)
        {
            if (await NodeKinds.SetForStudentAsync(ctx, session, work))
                return true;
        }

        return false;
    }

    /// <summary>A resource's attachment: for the resource's readers, when its author may read that file in a workspace (no side door to others' files).</summary>
    private static async Task<bool> ResourceAttachmentAsync(IResolveFieldContext ctx, IQuerySession session, Guid fileId)
    {
        var resources = await session.Query<ResourceView>().Where(r => r.AttachmentIds.Contains(fileId)).Take(20).ToListAsync(ctx.CancellationToken);
        if (resources.Count == 0)
            return false;
        var reader = await ResourceBankFields.ReaderAsync(ctx, session);
        foreach (var resource in resources.Where(r => r.AuthorId == reader.PersonId || reader.MaySee(r)))
        {
            if (await WorkspaceFields.AuthorMayReadAsync(session, resource.AuthorId, resource.EstablishmentId, fileId, ctx.CancellationToken))
                return true;
        }

        return false;
    }
}
