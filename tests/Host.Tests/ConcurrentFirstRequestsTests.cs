using Marten;
using Microsoft.Extensions.DependencyInjection;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

/// <summary>
/// A phone and a laptop often send the same person's first requests at the same moment: each gets its answer,
/// and what those requests leave in the log (a denial, a new feed) is there once per request.
/// </summary>
[Collection(AppHost.Name)]
public class ConcurrentFirstRequestsTests(AppFactory app)
{
    private const int Together = 8;

    [Fact]
    public async Task Simultaneous_refused_requests_from_a_caller_never_seen_before_are_each_refused_and_recorded()
    {
        var stranger = new Actor(Guid.CreateVersion7(), Role.Teacher, Guid.CreateVersion7());
        var token = app.TokenFor(stranger);

        var responses = await Task.WhenAll(Enumerable.Range(0, Together).Select(_ => app.Client(token).SendAsync("{ studentHome { unreadMessages } }")));

        Assert.All(responses, r => Assert.Equal("FORBIDDEN", r.FirstErrorCode));
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var recorded = await session.Events.FetchStreamAsync(stranger.Id);
        Assert.Equal(Together, recorded.Count(e => e.Data is AccessDenied));
    }

    [Fact]
    public async Task Simultaneous_first_openings_of_a_calendar_feed_leave_one_feed_with_a_working_address()
    {
        var school = await SchoolScenario.CreateAsync(app);

        var responses = await Task.WhenAll(Enumerable.Range(0, Together).Select(_ => app.Client(school.StudentToken).SendAsync("mutation { openCalendarFeed { calendarFeedAddress { url } userErrors { code message } } }")));

        Assert.All(responses, r => Assert.True(r.FirstErrorCode is null or "CONFLICT", r.Body.ToJsonString()));
        Assert.Contains(responses, r => r.FirstErrorCode is null);
    }
}
