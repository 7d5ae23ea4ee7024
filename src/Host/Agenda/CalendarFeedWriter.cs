using System.Globalization;
using System.Text;
using MonBureau.Domain.Agenda;
using MonBureau.Projections.Agenda;

namespace MonBureau.Host.Agenda;

/// <summary>
/// Writes a personal agenda as an iCalendar (RFC 5545) document: times local to Europe/Paris with its VTIMEZONE,
/// text escaped, lines folded at 75 octets, CRLF line ends. Cancelled events stay, with STATUS:CANCELLED, so
/// phones strike them through instead of silently dropping them.
/// </summary>
public static class CalendarFeedWriter
{
    public const string ZoneId = "Europe/Paris";

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static string Write(PersonalAgendaView agenda, DateTimeOffset now, string host)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//MonBureau//Agenda//FR");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:MonBureau");
        Line(ics, $"X-WR-TIMEZONE:{ZoneId}");
        Line(ics, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line(ics, "X-PUBLISHED-TTL:PT1H");
        ParisTimeZone(ics);
        foreach (var lesson in agenda.Lessons)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:lesson-{lesson.Slot.Id:N}-{TimeZoneInfo.ConvertTime(lesson.StartsAt, Zone):yyyyMMdd}@{host}");
            Line(ics, $"DTSTAMP:{Utc(now)}");
            Line(ics, $"DTSTART;TZID={ZoneId}:{Local(lesson.StartsAt)}");
            Line(ics, $"DTEND;TZID={ZoneId}:{Local(lesson.EndsAt)}");
            Line(ics, $"SUMMARY:{Text(lesson.Slot.Subject)}");
            if (!string.IsNullOrWhiteSpace(lesson.Slot.Room))
                Line(ics, $"LOCATION:{Text(lesson.Slot.Room)}");
            Line(ics, "CATEGORIES:LESSON");
            Line(ics, "TRANSP:OPAQUE");
            Line(ics, "END:VEVENT");
        }

        foreach (var agendaEvent in agenda.Events)
            Event(ics, agendaEvent, now, host);
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static void Event(StringBuilder ics, AgendaEventView e, DateTimeOffset now, string host)
    {
        Line(ics, "BEGIN:VEVENT");
        Line(ics, $"UID:event-{e.Id:N}@{host}");
        Line(ics, $"DTSTAMP:{Utc(now)}");
        Line(ics, $"DTSTART;TZID={ZoneId}:{Local(e.StartsAt)}");
        Line(ics, $"DTEND;TZID={ZoneId}:{Local(e.EndsAt)}");
        Line(ics, $"SEQUENCE:{e.Sequence.ToString(CultureInfo.InvariantCulture)}");
        Line(ics, $"SUMMARY:{Text(e.Title)}");
        if (e.Description?.Value is { } description)
            Line(ics, $"DESCRIPTION:{Text(description)}");
        if (!string.IsNullOrWhiteSpace(e.Location))
            Line(ics, $"LOCATION:{Text(e.Location)}");
        Line(ics, $"CATEGORIES:{Category(e.Kind)}");
        Line(ics, $"STATUS:{(e.Cancelled ? "CANCELLED" : "CONFIRMED")}");
        if (e.Important)
            Line(ics, "PRIORITY:1");
        Line(ics, "END:VEVENT");
    }

    private static string Category(AgendaEventKind kind) => kind switch
    {
        AgendaEventKind.Test => "TEST",
        AgendaEventKind.Meeting => "MEETING",
        AgendaEventKind.Trip => "TRIP",
        AgendaEventKind.ParentsEvening => "PARENTS_EVENING",
        _ => "OTHER",
    };

    /// <summary>The rules France has followed since 1996: summer time from the last Sunday of March to the last of October.</summary>
    private static void ParisTimeZone(StringBuilder ics)
    {
        Line(ics, "BEGIN:VTIMEZONE");
        Line(ics, $"TZID:{ZoneId}");
        Line(ics, "BEGIN:DAYLIGHT");
        Line(ics, "TZOFFSETFROM:+0100");
        Line(ics, "TZOFFSETTO:+0200");
        Line(ics, "TZNAME:CEST");
        Line(ics, "DTSTART:19700329T020000");
        Line(ics, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        Line(ics, "END:DAYLIGHT");
        Line(ics, "BEGIN:STANDARD");
        Line(ics, "TZOFFSETFROM:+0200");
        Line(ics, "TZOFFSETTO:+0100");
        Line(ics, "TZNAME:CET");
        Line(ics, "DTSTART:19701025T030000");
        Line(ics, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        Line(ics, "END:STANDARD");
        Line(ics, "END:VTIMEZONE");
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);
    }

    /// <summary>Folds a content line so no physical line exceeds 75 octets of UTF-8, never splitting a character (RFC 5545 §3.1).</summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var folded = new StringBuilder();
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                folded.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space of a continuation line counts
            }

            folded.Append(rune.ToString());
            octets += size;
        }

        return folded.ToString();
    }

    private static void Line(StringBuilder ics, string line) => ics.Append(Fold(line)).Append("\r\n");
}
