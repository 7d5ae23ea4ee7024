using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using Marten;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Attendance;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Domain.Establishments;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL.Paging;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Projections.Attendance;
using MonBureau.Projections.Classes;
using MonBureau.Projections.Establishments;
using MonBureau.Projections.People;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>School life, attendance half: roll calls, absences, latenesses, justifications, alerts and reports (vie scolaire).</summary>
internal static class AttendanceFields
{
    private const int ListCap = 200;
    private const int ReportCap = 5_000;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceReasonType>>>, IReadOnlyList<AbsenceReason>>("absenceReasons")
            .Description("The reasons (motifs) of absence of the signed-in person's establishment, justifying ones first, then by label.")
            .Authorize()
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var list = ctx.Actor().EstablishmentId is { } id ? await session.LoadAsync<AbsenceReasonList>(id, ctx.CancellationToken) : null;
                return [.. (list?.Reasons ?? []).OrderByDescending(r => r.CountsAsJustified).ThenBy(r => r.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))];
            });

        query.Connection<RollCallType, RollCallView>("rollCalls")
            .Description("Roll calls of one class or group on one day, by start time: for its teachers, the school-life office and the direction.")
            .Argument<NonNullGraphType<IdGraphType>>("teachingUnitId", "The class or group.")
            .Argument<NonNullGraphType<DateOnlyGraphType>>("date", "The day.")
            .AuthorizeWithRoles(nameof(Role.Teacher), nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var actor = ctx.Actor();
                var unitId = ctx.GetArgument<Guid>("teachingUnitId");
                var date = ctx.GetArgument<DateOnly>("date");
                await using var session = ctx.OpenQuerySession();
                if (actor.Role == Role.Teacher && !(await TeachingStructureFields.TaughtUnitsAsync(session, actor.Id, ctx.CancellationToken)).Contains(unitId))
                    throw BusinessRuleException.NotFound("Class or group");
                var rollCalls = await session.Query<RollCallView>()
                    .Where(r => r.TeachingUnitId == unitId && r.EstablishmentId == actor.EstablishmentId && r.Lesson.Date == date)
                    .ToListAsync(ctx.CancellationToken);
                // One class or group on one day: a handful of lessons, ordered and paged in memory.
                return rollCalls.OrderBy(r => r.Lesson.Start).ToList().ToConnection(ctx);
            });

        query.Field<NonNullGraphType<AttendanceSummaryType>, AttendanceSummary>("studentAttendance")
            .Description("A student's absences, latenesses and counted half-days over a period (the current school year by default): for the student, their guardians, the school-life office and the direction. Each read is recorded in the access history.")
            .Argument<NonNullGraphType<IdGraphType>>("studentId", "The student.")
            .Argument<DateOnlyGraphType>("from", "First day (default: start of the school year).")
            .Argument<DateOnlyGraphType>("to", "Last day (default: end of the school year).")
            .AuthorizeWithRoles(nameof(Role.Student), nameof(Role.Guardian), nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                await using var session = ctx.OpenQuerySession();
                var (from, to) = await PeriodAsync(ctx, session);
                var student = await PersonAccess.ReadableAsync(ctx, session, ctx.GetArgument<Guid>("studentId"), DataCategory.Absences);
                var establishmentId = ctx.Actor().EstablishmentId ?? Guid.Empty;
                var absences = await AbsencesAsync(session, establishmentId, [student.Id], from, to, ctx.CancellationToken);
                var latenesses = await LatenessesAsync(session, establishmentId, [student.Id], from, to, ctx.CancellationToken);
                return new AttendanceSummary(student.Id, from, to, Totals(absences, latenesses, from, to),
                    [.. absences.OrderByDescending(a => a.LastDay).ThenByDescending(a => a.RecordedAt).Take(ListCap)],
                    [.. latenesses.OrderByDescending(l => l.Date).ThenByDescending(l => l.RecordedAt).Take(ListCap)]);
            });

        query.Connection<AbsenceReportLineType, AbsenceReportLine>("absenceReport")
            .Description($"Absence totals per student over a period, for one class or the whole establishment, by class then name (at most {ReportCap} students). Each student shown is recorded in the access history.")
            .ReportArguments()
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                // Sorted by names that are sealed personal data, so in memory: the report (capped) is paged there.
                var page = (await ReportAsync(ctx)).ToConnection(ctx);
                await RecordReadsAsync(ctx, page.Nodes.Select(l => l.StudentId));
                return page;
            });

        query.Field<NonNullGraphType<StringGraphType>, string>("absenceReportCsv")
            .Description($"The absence report as CSV text: UTF-8, semicolon-separated, header {AbsenceReportCsv.Header} (docs/school-life.md).")
            .ReportArguments()
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var report = await ReportAsync(ctx);
                await RecordReadsAsync(ctx, report.Select(l => l.StudentId));
                return AbsenceReportCsv.Write(report);
            });

        query.Field<NonNullGraphType<SchoolLifeDashboardType>, SchoolLifeDashboard>("schoolLifeDashboard")
            .Description($"Absenteeism alerts and justifications awaiting a decision in the establishment (at most {ListCap} of each). Students shown are recorded in the access history.")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx =>
            {
                var establishmentId = ctx.Actor().EstablishmentId;
                await using var session = ctx.OpenQuerySession();
                var alerts = await session.Query<AbsenteeismAlertView>()
                    .Where(a => a.EstablishmentId == establishmentId)
                    .OrderByDescending(a => a.RaisedAt).Take(ListCap)
                    .ToListAsync(ctx.CancellationToken);
                var pending = await session.Query<AbsenceView>()
                    .Where(a => a.EstablishmentId == establishmentId && a.Justification == JustificationStatus.Pending && !a.Withdrawn)
                    .OrderBy(a => a.SubmittedAt).Take(ListCap)
                    .ToListAsync(ctx.CancellationToken);
                await RecordReadsAsync(ctx, [.. alerts.Select(a => a.StudentId), .. pending.Select(a => a.StudentId)]);
                return new SchoolLifeDashboard(alerts, pending);
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<RollCallType>, RollCallView>("takeRollCall")
            .Description("Takes the roll call (appel) of a lesson for the whole class or group in one go; sending it again for the same lesson corrects it and keeps the history.")
            .Argument<NonNullGraphType<TakeRollCallInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Teacher))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<RollCallView>(ctx.GetArgument<TakeRollCall>("input")));

        mutation.Field<NonNullGraphType<AbsenceType>, AbsenceView>("recordAbsence")
            .Description("The school-life office records an absence over a half-day, a day or a period, with a reason when known.")
            .Argument<NonNullGraphType<RecordAbsenceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AbsenceView>(ctx.GetArgument<RecordAbsence>("input")));

        mutation.Field<NonNullGraphType<LatenessType>, LatenessView>("recordLateness")
            .Description("The school-life office records a lateness (retard).")
            .Argument<NonNullGraphType<RecordLatenessInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<LatenessView>(ctx.GetArgument<RecordLateness>("input")));

        mutation.Field<NonNullGraphType<AbsenceType>, AbsenceView>("justifyAbsence")
            .Description("A guardian allowed to justify the child's absences explains one, with scanned documents if any; the school-life office then accepts or rejects it.")
            .Argument<NonNullGraphType<JustifyAbsenceInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.Guardian))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AbsenceView>(ctx.GetArgument<JustifyAbsenceInput>("input").ToCommand()));

        mutation.Field<NonNullGraphType<AbsenceType>, AbsenceView>("acceptAbsenceJustification")
            .Description("The school-life office accepts a pending justification: the absence becomes justified.")
            .Argument<NonNullGraphType<AcceptAbsenceJustificationInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AbsenceView>(ctx.GetArgument<AcceptAbsenceJustification>("input")));

        mutation.Field<NonNullGraphType<AbsenceType>, AbsenceView>("rejectAbsenceJustification")
            .Description("The school-life office rejects a pending justification with a comment: the absence stays unjustified.")
            .Argument<NonNullGraphType<RejectAbsenceJustificationInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice))
            .ResolveAsync(ctx => ctx.SendAndReadAsync<AbsenceView>(ctx.GetArgument<RejectAbsenceJustification>("input")));

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceReasonType>>>, IReadOnlyList<AbsenceReason>>("addAbsenceReason")
            .Description("Adds a reason to the establishment's list, or brings back a retired one; returns the list.")
            .Argument<NonNullGraphType<AddAbsenceReasonInputType>>("input")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx => (await ctx.SendAndReadAsync<AbsenceReasonList>(ctx.GetArgument<AddAbsenceReason>("input")))?.Reasons ?? []);

        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<AbsenceReasonType>>>, IReadOnlyList<AbsenceReason>>("retireAbsenceReason")
            .Description("Retires a reason from the establishment's list (absences already recorded keep it); returns the list.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The reason's code.")
            .AuthorizeWithRoles(nameof(Role.SchoolLifeOffice), nameof(Role.Direction))
            .ResolveAsync(async ctx => (await ctx.SendAndReadAsync<AbsenceReasonList>(new RetireAbsenceReason(ctx.GetArgument<string>("code"))))?.Reasons ?? []);
    }

    /// <summary>
    /// A justification's documents open for the people who handle it: the student's guardians (the one who sent them
    /// and the others), the school-life office and the direction of the establishment — the circle of the
    /// disciplinary record without the student, whose family deals with the school. Teachers never see them. Each
    /// opening is a recorded read of the student's absences.
    /// </summary>
    internal static async Task<bool> MayOpenJustificationDocumentAsync(IResolveFieldContext ctx, IQuerySession session, AbsenceView absence)
    {
        var actor = ctx.Actor();
        if (actor.EstablishmentId != absence.EstablishmentId || actor.Role is not (Role.Guardian or Role.SchoolLifeOffice or Role.Direction))
            return false;
        var student = await session.LoadAsync<PersonDetails>(absence.StudentId, ctx.CancellationToken);
        var reader = await session.LoadAsync<PersonDetails>(actor.Id, ctx.CancellationToken);
        if (student is null || !RelationshipPolicy.MayReadDisciplinaryRecord(actor, student, reader))
            return false;
        await RecordReadsAsync(ctx, [absence.StudentId]);
        return true;
    }

    private static FieldBuilder<object?, TReturn> ReportArguments<TReturn>(this FieldBuilder<object?, TReturn> field) => field
        .Argument<IdGraphType>("classId", "One class; the whole establishment when omitted.")
        .Argument<DateOnlyGraphType>("from", "First day (default: start of the school year).")
        .Argument<DateOnlyGraphType>("to", "Last day (default: end of the school year).");

    private static async Task<IReadOnlyList<AbsenceReportLine>> ReportAsync(IResolveFieldContext ctx)
    {
        var establishmentId = ctx.Actor().EstablishmentId ?? Guid.Empty;
        var classId = ctx.GetArgument<Guid?>("classId");
        await using var session = ctx.OpenQuerySession();
        var (from, to) = await PeriodAsync(ctx, session);
        var classes = (await session.Query<ClassDetails>().Where(c => c.EstablishmentId == establishmentId).ToListAsync(ctx.CancellationToken)).ToDictionary(c => c.Id, c => c.Name);
        if (classId is { } wanted && !classes.ContainsKey(wanted))
            throw BusinessRuleException.NotFound("Class");
        var students = (await session.Query<PersonDetails>()
                .Where(p => p.Profiles.Any(x => x.Role == Role.Student && x.EstablishmentId == establishmentId))
                .ToListAsync(ctx.CancellationToken))
            .Where(p => classId is null || p.ClassId == classId)
            .Take(ReportCap)
            .ToList();
        var ids = students.Select(s => s.Id).ToArray();
        var absences = (await AbsencesAsync(session, establishmentId, ids, from, to, ctx.CancellationToken)).ToLookup(a => a.StudentId);
        var latenesses = (await LatenessesAsync(session, establishmentId, ids, from, to, ctx.CancellationToken)).ToLookup(l => l.StudentId);
        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);
        return
        [
            .. students
                .Select(s => new AbsenceReportLine(s.Id, s.FamilyName.Value, s.GivenName.Value, s.ClassId is { } c ? classes.GetValueOrDefault(c) : null,
                    Totals([.. absences[s.Id]], [.. latenesses[s.Id]], from, to)))
                .OrderBy(l => l.ClassName ?? "", french).ThenBy(l => l.FamilyName ?? "", french).ThenBy(l => l.GivenName ?? "", french),
        ];
    }

    private static AttendanceTotals Totals(IReadOnlyList<AbsenceView> absences, IReadOnlyList<LatenessView> latenesses, DateOnly from, DateOnly to) =>
        AttendanceTotals.Of(absences.Select(a => ((IEnumerable<HalfDay>)a.HalfDays, a.Justified)), latenesses.Select(l => (l.Date, l.Minutes)), from, to);

    internal static async Task<IReadOnlyList<AbsenceView>> AbsencesAsync(IQuerySession session, Guid establishmentId, Guid[] studentIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await session.Query<AbsenceView>()
            .Where(a => a.EstablishmentId == establishmentId && a.StudentId.IsOneOf(studentIds) && !a.Withdrawn && a.LastDay >= from && a.FirstDay <= to)
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<LatenessView>> LatenessesAsync(IQuerySession session, Guid establishmentId, Guid[] studentIds, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        await session.Query<LatenessView>()
            .Where(l => l.EstablishmentId == establishmentId && l.StudentId.IsOneOf(studentIds) && !l.Withdrawn && l.Date >= from && l.Date <= to)
            .ToListAsync(cancellationToken);

    /// <summary>The asked period, by default the current school year at the establishment; at most a year long.</summary>
    private static async Task<(DateOnly From, DateOnly To)> PeriodAsync(IResolveFieldContext ctx, IQuerySession session)
    {
        var establishment = ctx.Actor().EstablishmentId is { } id ? await session.LoadAsync<EstablishmentDetails>(id, ctx.CancellationToken) : null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(establishment?.TimeZone is { Length: > 0 } tz ? tz : EstablishmentDecisions.DefaultTimeZone);
        var year = SchoolYear.Containing(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(ctx.Service<TimeProvider>().GetUtcNow(), zone).DateTime));
        var from = ctx.GetArgument<DateOnly?>("from") ?? new DateOnly(year.StartYear, 9, 1);
        var to = ctx.GetArgument<DateOnly?>("to") ?? year.LastDay;
        if (to < from || to > from.AddYears(1))
            throw BusinessRuleException.Invalid("The period runs forwards and lasts at most a year.");
        return (from, to);
    }

    /// <summary>Reports and the dashboard show many students' absences at once: each student shown is one recorded read.</summary>
    private static async Task RecordReadsAsync(IResolveFieldContext ctx, IEnumerable<Guid> studentIds)
    {
        var actor = ctx.Actor();
        var operation = $"{ctx.ParentType.Name}.{ctx.FieldDefinition.Name}";
        var now = ctx.Service<TimeProvider>().GetUtcNow();
        await ctx.Service<AccessLog>().RecordAsync([.. studentIds.Distinct().Select(id =>
            new AccessRecord(actor.Id, actor.Role, actor.EstablishmentId, id, DataCategory.Absences, operation, ActingContext.CorrelationId ?? "", now))]);
    }
}
