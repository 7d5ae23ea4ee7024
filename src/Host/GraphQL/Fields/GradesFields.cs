using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Application.Establishments;
using MonBureau.Application.Grades;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Domain.Grades;
using MonBureau.Domain.People;
using MonBureau.Host.Authorization;
using MonBureau.Host.Grades;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Grades;
using MonBureau.Projections.Groups;
using MonBureau.Projections.People;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>Grades and report cards: terms, grade books, averages, appreciations and the publication of bulletins.</summary>
internal static class GradesFields
{
    private static readonly StringComparer French = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<GradeCalendarType>, GradeCalendarView>("gradeCalendar")
            .Description("The signed-in user's establishment's terms for a school year, with each term's report-card publication.")
            .Argument<IntGraphType>("schoolYear", "Year the school year starts (default: the current school year).")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var establishmentId = ctx.Actor().EstablishmentId ?? throw BusinessRuleException.NotFound("Establishment");
                var calendar = await CalendarAsync(session, establishmentId, ctx.CancellationToken);
                var year = ctx.GetArgument<int?>("schoolYear") is { } start ? SchoolYear.Of(start) : await CurrentYearAsync(ctx, session, establishmentId);
                return GradeCalendarView.Of(calendar, year);
            });

        query.Field<NonNullGraphType<GradeBookType>, GradeBook>("gradeBook")
            .Description("The grade book of a class or group, subject and term: for the teacher of that subject there, and direction. Each student listed is recorded in the access history.")
            .Argument<NonNullGraphType<IdGraphType>>("teachingUnitId", "Class or group.")
            .Argument<NonNullGraphType<StringGraphType>>("subject", "Subject (matière).")
            .Argument<NonNullGraphType<IntGraphType>>("term", "Term number.")
            .Argument<IntGraphType>("schoolYear", "Year the school year starts (default: the class's or group's).")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.Direction))
            .ResolveAsync(async ctx => await GradeBookAsync(ctx));

        query.Field<NonNullGraphType<StudentTermGradesType>, StudentTermGrades>("studentGrades")
            .Description("A student's marks and averages in one term: for the student, their guardians (after the establishment's delay), their teachers and direction. Each read by someone else is recorded in the access history.")
            .ForOneStudentTerm()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Grades);
                var (calendar, year, term) = await StudentTermAsync(ctx, session, student);
                return await TermGrades.OfStudentAsync(
                    session, student.Id, year, term, calendar, TermGrades.ReaderFor(ctx.Actor()), ctx.Service<TimeProvider>().GetUtcNow(), ctx.CancellationToken);
            });

        query.Field<NonNullGraphType<ReportCardStatusType>, ReportCardStatus>("reportCard")
            .Description("Whether a student's report card of a term can be downloaded yet by the reader, and its download path. Each read by someone else is recorded in the access history.")
            .ForOneStudentTerm()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Grades);
                var (calendar, year, term) = await StudentTermAsync(ctx, session, student);
                var publication = calendar.PublicationOf(year, term.Number);
                var available = GradeVisibility.SeesReportCard(TermGrades.ReaderFor(ctx.Actor()), publication, ctx.Service<TimeProvider>().GetUtcNow());
                return new ReportCardStatus(student.Id, year, new TermView(term, publication), available);
            });
    }

    /// <summary>A student's term, read by the profiles that see grades: the student, their guardians, teachers and direction.</summary>
    private static FieldBuilder<object?, T> ForOneStudentTerm<T>(this FieldBuilder<object?, T> field) => field
        .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student (a student passes their own id).")
        .Argument<NonNullGraphType<IntGraphType>>("term", "Term number.")
        .Argument<IntGraphType>("schoolYear", "Year the school year starts (default: the student's class's).")
        .AuthorizeWithRoles(nameof(Role.Student), nameof(Role.Guardian), nameof(Role.Teacher), nameof(Role.Direction));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GradeCalendarType>, GradeCalendarView>("defineTerms")
            .Description("Defines the terms (trimestres, semestres) of a school year; until then it has three trimesters. Refused once the year's report cards are scheduled.")
            .Argument<NonNullGraphType<DefineTermsInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction), nameof(Role.EstablishmentAdministrator))
            .ResolveAsync(async ctx =>
            {
                var command = ctx.GetArgument<DefineTerms>("input");
                return await RunAndShowAsync(ctx, command, command.EstablishmentId, new SchoolYear(command.SchoolYear));
            });

        mutation.Field<NonNullGraphType<GradeCalendarType>, GradeCalendarView>("setGuardianGradeDelay")
            .Description("Sets how many hours after the student guardians see a new mark (an establishment option); also the default gap for report cards.")
            .Argument<NonNullGraphType<SetGuardianGradeDelayInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var command = ctx.GetArgument<SetGuardianGradeDelay>("input");
                return await RunAndShowAsync(ctx, command, command.EstablishmentId, null);
            });

        mutation.Field<NonNullGraphType<GradeCalendarType>, GradeCalendarView>("scheduleReportCardPublication")
            .Description("Sets when a term's report cards reach students and guardians; before then only staff can download them. The publication is recorded when its time passes.")
            .Argument<NonNullGraphType<ScheduleReportCardPublicationInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var command = ctx.GetArgument<ScheduleReportCardPublication>("input");
                return await RunAndShowAsync(ctx, command, command.EstablishmentId, new SchoolYear(command.SchoolYear));
            });

        mutation.Field<NonNullGraphType<AssessmentType>, AssessmentDetails>("createAssessment")
            .Description("Creates an assessment in the grade book of a class or group the teacher teaches the subject to; its date decides its term.")
            .Argument<NonNullGraphType<CreateAssessmentInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AssessmentDetails>(ctx.GetArgument<CreateAssessment>("input")));

        mutation.Field<NonNullGraphType<AssessmentType>, AssessmentDetails>("enterMarks")
            .Description("Enters or corrects marks of the teacher's assessment; each entry is kept in the history. Students outside the class or group, or a mark off the scale, refuse the whole entry.")
            .Argument<NonNullGraphType<EnterMarksInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AssessmentDetails>(ctx.GetArgument<EnterMarks>("input")));

        mutation.Field<NonNullGraphType<ReportCardNotesType>, ReportCardNotes>("writeSubjectAppreciation")
            .Description("Writes (or rewrites) the teacher's appreciation of a student in their subject for a term, printed on the report card.")
            .Argument<NonNullGraphType<WriteSubjectAppreciationInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ReportCardNotes>(ctx.GetArgument<WriteSubjectAppreciation>("input")));

        mutation.Field<NonNullGraphType<ReportCardNotesType>, ReportCardNotes>("writeGeneralAppreciation")
            .Description("Writes (or rewrites) direction's general appreciation of a student for a term, printed on the report card.")
            .Argument<NonNullGraphType<WriteGeneralAppreciationInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Direction))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<ReportCardNotes>(ctx.GetArgument<WriteGeneralAppreciation>("input")));
    }

    internal static async Task<GradeCalendar> CalendarAsync(IQuerySession session, Guid establishmentId, CancellationToken cancellationToken) =>
        await GradeCalendars.LoadAsync(session, establishmentId, cancellationToken) ?? throw BusinessRuleException.NotFound("Establishment");

    /// <summary>The student's term: the year asked for or their class's, and the term of that year's calendar.</summary>
    internal static async Task<(GradeCalendar Calendar, SchoolYear Year, Term Term)> StudentTermAsync(IResolveFieldContext ctx, IQuerySession session, PersonDetails student)
    {
        var establishmentId = ctx.Actor().EstablishmentId ?? throw BusinessRuleException.NotFound("Establishment");
        var calendar = await CalendarAsync(session, establishmentId, ctx.CancellationToken);
        var schoolClass = student.ClassId is { } classId ? await session.LoadAsync<ClassDetails>(classId, ctx.CancellationToken) : null;
        var year = ctx.GetArgument<int?>("schoolYear") is { } start ? SchoolYear.Of(start)
            : schoolClass is not null ? new SchoolYear(schoolClass.SchoolYearStart)
            : await CurrentYearAsync(ctx, session, establishmentId);
        return (calendar, year, TermOf(calendar, year, ctx.GetArgument<int>("term")));
    }

    private static Term TermOf(GradeCalendar calendar, SchoolYear year, int number) =>
        calendar.TermOf(year, number) ?? throw BusinessRuleException.NotFound($"Term {number} of {year}");

    private static async Task<SchoolYear> CurrentYearAsync(IResolveFieldContext ctx, IQuerySession session, Guid establishmentId) =>
        SchoolYear.Containing(EstablishmentClock.Today(ctx.Service<TimeProvider>(), await session.LoadAsync<Establishment>(establishmentId, ctx.CancellationToken)));

    private static async Task<GradeCalendarView> RunAndShowAsync(IResolveFieldContext ctx, object command, Guid establishmentId, SchoolYear? year)
    {
        await ctx.Service<IMessageBus>().RunAsync<Guid>(command, ctx.CancellationToken);
        await using var session = ctx.OpenQuerySession();
        var calendar = await CalendarAsync(session, establishmentId, ctx.CancellationToken);
        return GradeCalendarView.Of(calendar, year ?? await CurrentYearAsync(ctx, session, establishmentId));
    }

    private static async Task<GradeBook> GradeBookAsync(IResolveFieldContext ctx)
    {
        var actor = ctx.Actor();
        var unitId = ctx.GetArgument<Guid>("teachingUnitId");
        var subject = ctx.GetArgument<string>("subject") ?? "";
        await using var session = ctx.OpenQuerySession();
        var schoolClass = await session.LoadAsync<ClassDetails>(unitId, ctx.CancellationToken);
        var group = schoolClass is null ? await session.LoadAsync<GroupDetails>(unitId, ctx.CancellationToken) : null;
        var (establishmentId, yearStart) = schoolClass is not null ? (schoolClass.EstablishmentId, schoolClass.SchoolYearStart)
            : group is not null ? (group.EstablishmentId, group.SchoolYearStart) : (Guid.Empty, 0);
        // A grade book the teacher does not keep answers like a missing one.
        if (!await KeepsGradeBookAsync(session, actor, establishmentId, unitId, subject, ctx.CancellationToken))
            throw BusinessRuleException.NotFound("Grade book");

        var calendar = await CalendarAsync(session, establishmentId, ctx.CancellationToken);
        var year = ctx.GetArgument<int?>("schoolYear") is { } start ? SchoolYear.Of(start) : new SchoolYear(yearStart);
        var term = TermOf(calendar, year, ctx.GetArgument<int>("term"));
        var assessments = (await session.Query<AssessmentDetails>()
                .Where(a => a.TeachingUnitId == unitId && a.SchoolYear == year.StartYear && a.Term == term.Number)
                .ToListAsync(ctx.CancellationToken))
            .Where(a => TeachingDecisions.SameSubject(a.Subject, subject))
            .OrderBy(a => a.Date).ThenBy(a => a.CreatedAt)
            .ToList();

        var members = group is null
            ? await session.Query<PersonDetails>().Where(p => p.ClassId == unitId).ToListAsync(ctx.CancellationToken)
            : await session.LoadManyAsync<PersonDetails>(ctx.CancellationToken, group.Members);
        var left = assessments.SelectMany(a => a.StudentIds).Distinct().Where(id => members.All(m => m.Id != id)).ToArray();
        var students = left.Length == 0 ? members : [.. members, .. await session.LoadManyAsync<PersonDetails>(ctx.CancellationToken, left)];
        await RecordReadsAsync(ctx, [.. students.Select(s => s.Id)]);

        var averages = TermGrades.AveragesOf(assessments, GradeReader.Staff, calendar.GuardianDelay, ctx.Service<TimeProvider>().GetUtcNow());
        return new GradeBook(
            unitId, assessments.FirstOrDefault()?.Subject ?? subject.Trim(), year, new TermView(term, calendar.PublicationOf(year, term.Number)), assessments,
            [.. students
                .OrderBy(s => s.FamilyName.Value, French).ThenBy(s => s.GivenName.Value, French)
                .Select(s => new GradeBookStudent(s, averages.GetValueOrDefault(s.Id)))],
            Averages.OfClass(averages.Values));
    }

    /// <summary>The direction of the establishment, or the teacher of that subject in that class or group.</summary>
    private static async Task<bool> KeepsGradeBookAsync(IQuerySession session, Actor actor, Guid establishmentId, Guid unitId, string subject, CancellationToken cancellationToken) =>
        establishmentId != Guid.Empty && establishmentId == actor.EstablishmentId
        && (actor.Role == Role.Direction
            || (await session.LoadAsync<PersonDetails>(actor.Id, cancellationToken))?.Teachings.Any(t => t.TeachingUnitId == unitId && TeachingDecisions.SameSubject(t.Subject, subject)) == true);

    /// <summary>One assessment for whoever keeps its grade book (node(id:)), each student with a line recorded as the grade book records them; null otherwise.</summary>
    internal static async Task<AssessmentDetails?> ReadableAssessmentAsync(IResolveFieldContext ctx, IQuerySession session, AssessmentDetails assessment)
    {
        if (!await KeepsGradeBookAsync(session, ctx.Actor(), assessment.EstablishmentId, assessment.TeachingUnitId, assessment.Subject, ctx.CancellationToken))
            return null;
        await RecordReadsAsync(ctx, assessment.StudentIds);
        return assessment;
    }

    private static Task RecordReadsAsync(IResolveFieldContext ctx, IReadOnlyList<Guid> studentIds)
    {
        var actor = ctx.Actor();
        var operation = $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
        var now = ctx.Service<TimeProvider>().GetUtcNow();
        return ctx.Service<AccessLog>().RecordAsync([.. studentIds.Select(id => new AccessRecord(
            actor.Id, actor.Role, actor.EstablishmentId, id, DataCategory.Grades, operation, ActingContext.CorrelationId ?? "", now))]);
    }
}
