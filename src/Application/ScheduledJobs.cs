namespace MonBureau.Application;

/// <summary>
/// Wolverine times scheduled jobs by the machine's clock while decisions use the business clock
/// (<see cref="TimeProvider"/>): a job is scheduled for the remaining business time but at most a longest wait ahead,
/// and when it finds itself early it schedules itself again the same way (ADR 0017).
/// </summary>
public static class ScheduledJobs
{
    public static TimeSpan DelayUntil(DateTimeOffset dueAt, DateTimeOffset now, TimeSpan longestWait)
    {
        var remaining = dueAt - now;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < longestWait ? remaining : longestWait;
    }
}
