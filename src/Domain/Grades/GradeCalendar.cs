using MonBureau.Domain.Common;

namespace MonBureau.Domain.Grades;

/// <summary>Who a report card is published to: students first, guardians at the same time or later.</summary>
public enum ReportCardAudience
{
    Students,
    Guardians,
}

/// <summary>Guardians see a mark this long after the student does (an establishment option schools asked for).</summary>
public sealed record GuardianGradeDelaySet(Guid EstablishmentId, TimeSpan Delay, DateTimeOffset SetAt) : IEstablishmentScoped;

public sealed record SetGuardianGradeDelay(Guid EstablishmentId, int Hours);

/// <summary>Direction sets when the report cards (bulletins) of a term are published; guardians at the same time when not given.</summary>
public sealed record ScheduleReportCardPublication(Guid EstablishmentId, int SchoolYear, int Term, DateTimeOffset StudentsAt, DateTimeOffset? GuardiansAt);

public sealed record ReportCardPublicationScheduled(
    Guid EstablishmentId, SchoolYear SchoolYear, int Term, DateTimeOffset StudentsAt, DateTimeOffset GuardiansAt, DateTimeOffset ScheduledAt) : IEstablishmentScoped;

/// <summary>The publication time of a term's report cards has come for one audience: recorded once, when it passes.</summary>
public sealed record ReportCardsPublished(Guid EstablishmentId, SchoolYear SchoolYear, int Term, ReportCardAudience Audience, DateTimeOffset PublishedAt) : IEstablishmentScoped;

public sealed record YearTerms(SchoolYear SchoolYear, IReadOnlyList<Term> Terms);

public sealed record ReportCardPublication(
    SchoolYear SchoolYear, int Term, DateTimeOffset StudentsAt, DateTimeOffset GuardiansAt,
    DateTimeOffset? PublishedToStudentsAt = null, DateTimeOffset? PublishedToGuardiansAt = null)
{
    public DateTimeOffset TimeFor(ReportCardAudience audience) => audience == ReportCardAudience.Students ? StudentsAt : GuardiansAt;

    public DateTimeOffset? RecordedFor(ReportCardAudience audience) =>
        audience == ReportCardAudience.Students ? PublishedToStudentsAt : PublishedToGuardiansAt;
}

/// <summary>
/// An establishment's grading calendar, kept on the establishment's stream: the terms of each school year, the
/// guardians' delay on marks and the publication of each term's report cards.
/// </summary>
public sealed record GradeCalendar(Guid EstablishmentId, IReadOnlyList<YearTerms> Years, TimeSpan GuardianDelay, IReadOnlyList<ReportCardPublication> Publications)
{
    public static GradeCalendar DefaultFor(Guid establishmentId) => new(establishmentId, [], TimeSpan.Zero, []);

    public GradeCalendar Apply(TermsDefined e) =>
        this with { Years = [.. Years.Where(y => y.SchoolYear != e.SchoolYear), new YearTerms(e.SchoolYear, e.Terms)] };

    public GradeCalendar Apply(GuardianGradeDelaySet e) => this with { GuardianDelay = e.Delay };

    public GradeCalendar Apply(ReportCardPublicationScheduled e) => this with
    {
        Publications = [.. Publications.Where(p => !(p.SchoolYear == e.SchoolYear && p.Term == e.Term)), new ReportCardPublication(e.SchoolYear, e.Term, e.StudentsAt, e.GuardiansAt)],
    };

    public GradeCalendar Apply(ReportCardsPublished e) => this with
    {
        Publications = [.. Publications.Select(p => p.SchoolYear != e.SchoolYear || p.Term != e.Term ? p
            : e.Audience == ReportCardAudience.Students ? p with { PublishedToStudentsAt = e.PublishedAt } : p with { PublishedToGuardiansAt = e.PublishedAt })],
    };

    /// <summary>The terms direction defined for the year, or the default three trimesters.</summary>
    public IReadOnlyList<Term> TermsOf(SchoolYear year) => Years.FirstOrDefault(y => y.SchoolYear == year)?.Terms ?? SchoolTerms.Default(year);

    public bool Defined(SchoolYear year) => Years.Any(y => y.SchoolYear == year);

    public Term? TermOf(SchoolYear year, int number) => TermsOf(year).FirstOrDefault(t => t.Number == number);

    public Term? TermOn(SchoolYear year, DateOnly day) => TermsOf(year).FirstOrDefault(t => t.Contains(day));

    public ReportCardPublication? PublicationOf(SchoolYear year, int term) => Publications.FirstOrDefault(p => p.SchoolYear == year && p.Term == term);
}

public static class GradeCalendarDecisions
{
    public const int MaxGuardianDelayHours = 30 * 24;

    public static TermsDefined DefineTerms(DefineTerms command, GradeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        var year = SchoolYear.Of(command.SchoolYear);
        var terms = SchoolTerms.Check(year, command.Terms);
        // Marks already sit in the terms of the year and report cards are announced by term number.
        if (calendar.Publications.Any(p => p.SchoolYear == year))
            throw new BusinessRuleException(ErrorCodes.Conflict, $"Report cards of {year} are already scheduled: its terms can no longer change.");
        return new TermsDefined(calendar.EstablishmentId, year, terms, now);
    }

    public static GuardianGradeDelaySet SetGuardianDelay(SetGuardianGradeDelay command, GradeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        if (command.Hours < 0 || command.Hours > MaxGuardianDelayHours)
            throw BusinessRuleException.Invalid($"The guardians' delay is from 0 to {MaxGuardianDelayHours} hours (30 days).");
        return new GuardianGradeDelaySet(calendar.EstablishmentId, TimeSpan.FromHours(command.Hours), now);
    }

    /// <summary>Guardians default to the students' time plus the establishment's delay on marks.</summary>
    public static ReportCardPublicationScheduled SchedulePublication(ScheduleReportCardPublication command, GradeCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(calendar);
        var year = SchoolYear.Of(command.SchoolYear);
        if (calendar.TermOf(year, command.Term) is null)
            throw BusinessRuleException.NotFound($"Term {command.Term} of {year}");
        if (calendar.PublicationOf(year, command.Term)?.PublishedToStudentsAt is not null)
            throw new BusinessRuleException(ErrorCodes.Conflict, "These report cards are already published: a publication cannot be withdrawn.");
        var guardiansAt = command.GuardiansAt ?? command.StudentsAt + calendar.GuardianDelay;
        if (guardiansAt < command.StudentsAt)
            throw BusinessRuleException.Invalid("Guardians cannot receive the report cards before the students.");
        if (command.StudentsAt > now.AddYears(1))
            throw BusinessRuleException.Invalid("The publication time must be within a year.");
        return new ReportCardPublicationScheduled(calendar.EstablishmentId, year, command.Term, command.StudentsAt, guardiansAt, now);
    }

    /// <summary>The publications whose time has come and that are not yet recorded; empty when nothing is due.</summary>
    public static IReadOnlyList<ReportCardsPublished> Due(GradeCalendar calendar, SchoolYear year, int term, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var publication = calendar.PublicationOf(year, term);
        if (publication is null)
            return [];
        return [.. Enum.GetValues<ReportCardAudience>()
            .Where(a => publication.RecordedFor(a) is null && publication.TimeFor(a) <= now)
            .Select(a => new ReportCardsPublished(calendar.EstablishmentId, year, term, a, publication.TimeFor(a)))];
    }

    /// <summary>When the next unrecorded publication of the term is due, if any.</summary>
    public static DateTimeOffset? NextDue(GradeCalendar calendar, SchoolYear year, int term)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var publication = calendar.PublicationOf(year, term);
        return publication is null ? null : Enum.GetValues<ReportCardAudience>()
            .Where(a => publication.RecordedFor(a) is null)
            .Select(a => (DateTimeOffset?)publication.TimeFor(a))
            .Min();
    }
}
