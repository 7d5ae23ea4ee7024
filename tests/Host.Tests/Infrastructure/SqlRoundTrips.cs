using System.Collections.Concurrent;
using System.Diagnostics;

namespace MonBureau.Host.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands one request sends to PostgreSQL: Npgsql traces every command it executes, and the request
/// carries its own trace id, so commands of other requests, background agents or other hosts in the process do not count.
/// </summary>
public static class SqlRoundTrips
{
    public static async Task<(GraphQLResponse Response, int Commands)> CountAsync(GraphQLClient client, string query, object? variables = null)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                // Opening a physical connection depends on the pool's state, not on the query: only commands count.
                if (a.Source.Name == "Npgsql" && a.TraceId == traceId && !a.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal))
                    commands.Add(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);
        var response = await client.SendAsync(query, variables,
            r => r.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01"));
        return (response, commands.Count);
    }
}
