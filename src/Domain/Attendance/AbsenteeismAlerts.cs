namespace MonBureau.Domain.Attendance;

/// <summary>The absenteeism signal of the Code de l'éducation (L131-8): four unjustified half-days in a month.</summary>
public static class AbsenteeismAlerts
{
    public const int Threshold = 4;

    /// <summary>
    /// Alerts the record now calls for: one per calendar month reaching the threshold that has not had its alert yet.
    /// Half-days are counted in the month they fall in, so three at the end of one month and one at the start of the
    /// next raise nothing.
    /// </summary>
    public static IReadOnlyList<AbsenteeismAlertRaised> Due(StudentAttendance record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return
        [
            .. record.UnjustifiedHalfDays()
                .GroupBy(h => new DateOnly(h.Date.Year, h.Date.Month, 1))
                .Where(month => month.Count() >= Threshold && !record.AlertedMonths.Contains(month.Key))
                .OrderBy(month => month.Key)
                .Select(month => new AbsenteeismAlertRaised(
                    AttendanceIds.Alert(record.StudentId, month.Key.Year, month.Key.Month), record.StudentId, record.EstablishmentId,
                    month.Key.Year, month.Key.Month, month.Count(), now)),
        ];
    }

    /// <summary>The events, followed by the alerts the record calls for once they have happened.</summary>
    public static IReadOnlyList<object> WithAlerts(StudentAttendance record, IReadOnlyList<object> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        return [.. events, .. Due(record.Evolve(events), now)];
    }
}
