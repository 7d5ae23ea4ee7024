using MonBureau.Domain.CalendarFeeds;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.Tests;

public class CalendarFeedDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', 64);
    private static readonly Guid Owner = Guid.CreateVersion7();
    private static readonly Guid EstablishmentId = Guid.CreateVersion7();

    private static CalendarFeed Opened() =>
        CalendarFeed.Create(CalendarFeedDecisions.Open(Guid.CreateVersion7(), new OpenCalendarFeed(Hash), null, Owner, Role.Student, EstablishmentId, Now));

    [Fact]
    public void Given_one_person_When_deriving_feed_ids_Then_each_profile_has_its_own_stable_feed()
    {
        Assert.Equal(CalendarFeedDecisions.FeedIdFor(Owner, Role.Teacher, EstablishmentId), CalendarFeedDecisions.FeedIdFor(Owner, Role.Teacher, EstablishmentId));
        Assert.NotEqual(CalendarFeedDecisions.FeedIdFor(Owner, Role.Teacher, EstablishmentId), CalendarFeedDecisions.FeedIdFor(Owner, Role.Guardian, EstablishmentId));
    }

    [Fact]
    public void Given_an_active_feed_When_opening_another_Then_it_conflicts() =>
        Assert.Equal(ErrorCodes.Conflict, Assert.Throws<BusinessRuleException>(() =>
            CalendarFeedDecisions.Open(Guid.CreateVersion7(), new OpenCalendarFeed(Hash), Opened(), Owner, Role.Student, EstablishmentId, Now)).Code);

    [Fact]
    public void Given_a_revoked_feed_When_rotating_or_revoking_Then_it_is_not_found_and_opening_again_is_allowed()
    {
        var revoked = Opened().Apply(CalendarFeedDecisions.Revoke(Opened(), Now));

        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => CalendarFeedDecisions.Rotate(new RotateCalendarFeed(Hash), revoked, Now)).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Throws<BusinessRuleException>(() => CalendarFeedDecisions.Revoke(revoked, Now)).Code);
        Assert.Equal(Hash, CalendarFeedDecisions.Open(revoked.Id, new OpenCalendarFeed(Hash), revoked, Owner, Role.Student, EstablishmentId, Now).TokenHash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-hash")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    public void Given_something_other_than_a_sha256_When_opening_Then_it_is_invalid(string hash) =>
        Assert.Equal(ErrorCodes.Validation, Assert.Throws<BusinessRuleException>(() =>
            CalendarFeedDecisions.Open(Guid.CreateVersion7(), new OpenCalendarFeed(hash), null, Owner, Role.Student, EstablishmentId, Now)).Code);
}
