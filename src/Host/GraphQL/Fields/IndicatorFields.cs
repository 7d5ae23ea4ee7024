using GraphQL;
using GraphQL.Types;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Indicators;
using MonBureau.Domain.Common;
using MonBureau.Domain.Indicators;
using MonBureau.Host.GraphQL.Types;
using MonBureau.Host.Indicators;
using MonBureau.Projections.Classes;
using Wolverine;

namespace MonBureau.Host.GraphQL.Fields;

/// <summary>The direction dashboard's indicators (docs/indicators.md): series, alerts, exports, chart, thresholds.</summary>
internal static class IndicatorFields
{
    private const int SeriesCap = 60;
    private const int AlertCap = 200;
    private static readonly string[] Readers = [nameof(Role.Direction), nameof(Role.EstablishmentAdministrator)];

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorFigureType>>>, IReadOnlyList<IndicatorFigureView>>("indicatorSeries")
            .Description($"One indicator week by week for a class, or for the establishment as a whole, oldest week first (the last {SeriesCap} weeks).")
            .Argument<NonNullGraphType<IndicatorType>>("indicator", "The indicator.")
            .Argument<IdGraphType>("classId", "The class; omitted for the establishment as a whole (the only level of the response delay and module usage).")
            .Argument<EntModuleType>("module", "For MODULE_USAGE (required then): the module.")
            .Argument<RoleType>("profile", "For MODULE_USAGE (required then): the profile, TEACHER, STUDENT or GUARDIAN.")
            .Argument<DateTimeOffsetGraphType>("asOf", "Compute as the dashboard would have on that past moment (default: now).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, classes) = await ReadAsync(ctx);
                var series = Series(ctx, reading, classes);
                return
                [
                    .. series.Figures
                        .OrderByDescending(f => f.Week).Take(SeriesCap).Reverse()
                        .Select(f => IndicatorFigureView.Of(f, reading, classes)),
                ];
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorFigureType>>>, IReadOnlyList<IndicatorFigureView>>("indicatorAlerts")
            .Description($"This week's figures beyond their alert threshold, by indicator then class (at most {AlertCap}).")
            .Argument<DateTimeOffsetGraphType>("asOf", "The alerts of that past moment's week, as then computed (default: now).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, classes) = await ReadAsync(ctx);
                return
                [
                    .. reading.Figures.Where(f => f.Week == reading.Week && reading.Alerts(f))
                        .Select(f => IndicatorFigureView.Of(f, reading, classes))
                        .OrderBy(f => f.Indicator).ThenBy(f => f.ClassName, StringComparer.Ordinal).ThenBy(f => f.Module).ThenBy(f => f.Profile).Take(AlertCap),
                ];
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorFigureType>>>, IReadOnlyList<IndicatorFigureView>>("moduleUsage")
            .Description("This week's use of each module by each profile expected to use it, for the establishment (usage des modules); alert = under-used.")
            .Argument<DateTimeOffsetGraphType>("asOf", "The week of that past moment, as then computed (default: now).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, classes) = await ReadAsync(ctx);
                return
                [
                    .. reading.Figures.Where(f => f.Indicator == Indicator.ModuleUsage && f.Week == reading.Week)
                        .OrderBy(f => f.Module).ThenBy(f => f.Profile)
                        .Select(f => IndicatorFigureView.Of(f, reading, classes)),
                ];
            });

        query.Field<NonNullGraphType<IndicatorDashboardType>, IndicatorDashboard>("indicatorDashboard")
            .Description("Direction's dashboard: every class (and the establishment) in alert this week or last, with both weeks' figures and the recommended action.")
            .Argument<DateTimeOffsetGraphType>("asOf", "As the dashboard was on that past moment (default: now).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, classes) = await ReadAsync(ctx);
                return Dashboard(reading, classes);
            });

        query.Field<NonNullGraphType<IndicatorExportType>, IndicatorExport>("indicatorExport")
            .Description("Every figure of the establishment as CSV or Parquet, for data teams; cells about fewer than 5 people are withheld (small-cell rule).")
            .Argument<NonNullGraphType<IndicatorExportFormatType>>("format", "CSV or PARQUET.")
            .Argument<DateTimeOffsetGraphType>("asOf", "Export the figures as of that past moment (default: now).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, classes) = await ReadAsync(ctx);
                var rows = IndicatorRow.From(reading, classes);
                var suppressed = rows.Count(r => r.Suppressed);
                var note = $"{suppressed} of {rows.Count} cells describe fewer than {WeeklyFigure.SmallCellThreshold} people: their figures are withheld (suppressed = true).";
                var name = $"indicators-{reading.AsOf:yyyyMMdd}";
                return ctx.GetArgument<IndicatorExportFormat>("format") == IndicatorExportFormat.Csv
                    ? new IndicatorExport(name + ".csv", "text/csv; charset=utf-8", IndicatorExports.Csv(rows), false, rows.Count, suppressed, note)
                    : new IndicatorExport(name + ".parquet", "application/vnd.apache.parquet",
                        Convert.ToBase64String(await IndicatorExports.ParquetAsync(rows, ctx.CancellationToken)), true, rows.Count, suppressed, note);
            });

        query.Field<NonNullGraphType<StringGraphType>, string>("indicatorChart")
            .Description("An SVG chart of one indicator over the weeks of a school year, with its alert threshold.")
            .Argument<NonNullGraphType<IndicatorType>>("indicator", "The indicator.")
            .Argument<IdGraphType>("classId", "The class; omitted for the establishment as a whole.")
            .Argument<EntModuleType>("module", "For MODULE_USAGE (required then): the module.")
            .Argument<RoleType>("profile", "For MODULE_USAGE (required then): the profile, TEACHER, STUDENT or GUARDIAN.")
            .Argument<IntGraphType>("schoolYear", "The school year's first year, e.g. 2026 for 2026-2027 (default: the current one).")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, classes) = await ReadAsync(ctx);
                var series = Series(ctx, reading, classes);
                var year = ctx.GetArgument<int?>("schoolYear") is { } start ? SchoolYear.Of(start) : SchoolYear.Containing(reading.Week.Monday);
                var scope = series.ClassId is { } c ? classes[c] : series.Module is { } m ? $"{Names.Of(m)}, {series.Profile}" : "établissement";
                return IndicatorChart.Svg($"{Title(series.Indicator)} — {scope}", year, series.Figures.ToDictionary(f => f.Week, f => f.Value), reading.ThresholdOf(series.Indicator));
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorThresholdType>>>, IReadOnlyList<IndicatorThreshold>>("indicatorThresholds")
            .Description("The establishment's alert thresholds and recommended actions, one per indicator.")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                var (reading, _) = await ReadAsync(ctx);
                return reading.Thresholds;
            });
    }

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<ListGraphType<NonNullGraphType<IndicatorThresholdType>>>, IReadOnlyList<IndicatorThreshold>>("setIndicatorThreshold")
            .Description("Sets the establishment's alert threshold and recommended action for one indicator (head of school or administrator); returns every threshold.")
            .Argument<NonNullGraphType<SetIndicatorThresholdInputType>>("input")
            .AuthorizeWithRoles(Readers)
            .ResolveAsync(async ctx =>
            {
                await ctx.Service<IMessageBus>().RunAsync<Guid>(ctx.GetArgument<SetIndicatorThreshold>("input"), ctx.CancellationToken);
                var (reading, _) = await ReadAsync(ctx);
                return reading.Thresholds;
            });

    private static async Task<(IndicatorReading Reading, IReadOnlyDictionary<Guid, string> Classes)> ReadAsync(IResolveFieldContext ctx)
    {
        var establishmentId = ctx.Actor().EstablishmentId ?? throw BusinessRuleException.Forbidden();
        var now = ctx.Service<TimeProvider>().GetUtcNow();
        var asOf = ctx.GetArgument<DateTimeOffset?>("asOf") ?? now;
        if (asOf > now)
            throw BusinessRuleException.Invalid("asOf cannot be in the future.");
        await using var session = ctx.OpenQuerySession();
        var reading = await IndicatorReadings.AsOfAsync(session, establishmentId, asOf, ctx.CancellationToken);
        var classes = await session.Query<ClassDetails>().Where(c => c.EstablishmentId == establishmentId).ToListAsync(ctx.CancellationToken);
        return (reading, classes.ToDictionary(c => c.Id, c => c.Name));
    }

    private sealed record SeriesChoice(Indicator Indicator, Guid? ClassId, EntModule? Module, Role? Profile, IEnumerable<WeeklyFigure> Figures);

    /// <summary>The one series the arguments of indicatorSeries and indicatorChart designate, checked.</summary>
    private static SeriesChoice Series(IResolveFieldContext ctx, IndicatorReading reading, IReadOnlyDictionary<Guid, string> classes)
    {
        var indicator = ctx.GetArgument<Indicator>("indicator");
        var classId = ClassArgument(ctx, classes);
        var (module, profile) = ModuleArguments(ctx, indicator);
        return new SeriesChoice(indicator, classId, module, profile,
            reading.Figures.Where(f => f.Indicator == indicator && f.ClassId == classId && f.Module == module && f.Profile == profile));
    }

    private static Guid? ClassArgument(IResolveFieldContext ctx, IReadOnlyDictionary<Guid, string> classes) =>
        ctx.GetArgument<Guid?>("classId") is not { } classId ? null
        : classes.ContainsKey(classId) ? classId
        : throw BusinessRuleException.NotFound("Class");

    /// <summary>Module usage has one series per module and profile: both are required for it, and meaningless for the other indicators.</summary>
    private static (EntModule? Module, Role? Profile) ModuleArguments(IResolveFieldContext ctx, Indicator indicator)
    {
        var module = ctx.GetArgument<EntModule?>("module");
        var profile = ctx.GetArgument<Role?>("profile");
        if (indicator == Indicator.ModuleUsage && (module is null || profile is null))
            throw BusinessRuleException.Invalid("MODULE_USAGE needs a module and a profile.");
        if (indicator != Indicator.ModuleUsage && (module is not null || profile is not null))
            throw BusinessRuleException.Invalid("Only MODULE_USAGE takes a module and a profile.");
        return (module, profile);
    }

    private static IndicatorDashboard Dashboard(IndicatorReading reading, IReadOnlyDictionary<Guid, string> classes)
    {
        var previous = reading.Week.Previous();
        var cells = reading.Figures.Where(f => f.Week == reading.Week || f.Week == previous).ToLookup(f => (f.Indicator, f.ClassId, f.Module, f.Profile));
        var rows = cells
            .Select(cell => (cell.Key, This: cell.FirstOrDefault(f => f.Week == reading.Week), Last: cell.FirstOrDefault(f => f.Week == previous)))
            .Where(c => (c.This is { } t && reading.Alerts(t)) || (c.Last is { } l && reading.Alerts(l)))
            .Select(c => new IndicatorDashboardRow(
                c.Key.Indicator, c.Key.ClassId, c.Key.ClassId is { } id ? classes.GetValueOrDefault(id) : null, c.Key.Module, c.Key.Profile,
                c.This is { } t ? IndicatorFigureView.Of(t, reading, classes) : null,
                c.Last is { } l ? IndicatorFigureView.Of(l, reading, classes) : null,
                reading.ThresholdOf(c.Key.Indicator).RecommendedAction))
            .OrderByDescending(r => r.ThisWeek?.Alert == true).ThenBy(r => r.Indicator).ThenBy(r => r.ClassId is null ? 0 : 1).ThenBy(r => r.ClassName, StringComparer.Ordinal)
            .ThenBy(r => r.Module).ThenBy(r => r.Profile);
        return new IndicatorDashboard(reading.Week.ToString(), previous.ToString(), reading.AsOf, [.. rows]);
    }

    private static string Title(Indicator indicator) => indicator switch
    {
        Indicator.StudentLoginRate => "Taux de connexion élèves (hebdo)",
        Indicator.OnlineSubmissionRate => "Taux de remise en ligne",
        Indicator.TeacherResponseDelay => "Délai moyen de réponse enseignant (heures ouvrées)",
        Indicator.GuardianConsultationRate => "Taux de consultation des familles",
        Indicator.AbsenceRate => "Taux d'absence aux appels",
        Indicator.UnjustifiedAbsenceRate => "Part des absences non justifiées",
        _ => "Usage du module (part des utilisateurs actifs)",
    };
}
