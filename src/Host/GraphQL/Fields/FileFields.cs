using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Application.Files;
using MonBureau.Domain.Common;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Homework;
using MonBureau.Projections.LessonLog;
using MonBureau.Projections.Messaging;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>
/// Opening a stored file (ADR 0015): the file is found through the record it is attached to, and that record's own
/// policy decides; a refusal and a missing file read the same and the refusal is recorded.
/// </summary>
internal static class FileFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<FileDownloadType>, FileDownload>("file")
            .Description("Opens a stored file for whoever may read the record it is attached to: a submission (the student, their guardians, the teacher who set the work), a lesson log entry (its readers), an absence justification (the student's guardians, the school-life office and the direction) or a message (its author and recipients; reading a confidential one is recorded).")
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

    private static async Task<bool> MayOpenAsync(IResolveFieldContext ctx, IQuerySession session, Guid fileId)
    {
        var submission = await session.Query<SubmissionDetails>().Where(s => s.Files.Any(f => f.FileId == fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (submission is not null)
            return await HomeworkSubmissionFields.MayOpenFileAsync(ctx, session, submission);
        var entry = await session.Query<LessonLogEntryDetails>().Where(e => e.Attachments.Any(f => f.FileId == fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (entry is not null)
            return await LessonLogFields.MayReadAsync(ctx, session, entry);
        var thread = await session.Query<MessageThreadView>().Where(t => t.AttachmentIds.Contains(fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        if (thread is not null)
            return await MessagingFields.MayOpenAttachmentAsync(ctx, thread, fileId);
        var absence = await session.Query<AbsenceView>().Where(a => a.Documents.Any(f => f.FileId == fileId)).FirstOrDefaultAsync(ctx.CancellationToken);
        return absence is not null && await AttendanceFields.MayOpenJustificationDocumentAsync(ctx, session, absence);
    }
}
