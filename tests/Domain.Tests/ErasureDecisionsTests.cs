using MonBureau.Domain.Common;
using MonBureau.Domain.Privacy;

namespace MonBureau.Domain.Tests;

public class ErasureDecisionsTests
{
    private static readonly DateOnly Today = new(2027, 1, 10);

    [Fact]
    public void A_person_with_no_official_record_may_be_erased() =>
        ErasureDecisions.EnsureMayErase([], Today);

    [Fact]
    public void Records_past_their_date_no_longer_hold_the_erasure() =>
        ErasureDecisions.EnsureMayErase([new RecordKept(RetentionCategory.Sanctions, new DateOnly(2027, 1, 9), "a sanction")], Today);

    [Fact]
    public void The_refusal_names_every_record_still_kept_soonest_first_with_its_date()
    {
        var refusal = Assert.Throws<BusinessRuleException>(() => ErasureDecisions.EnsureMayErase(
            [
                new RecordKept(RetentionCategory.LessonLog, new DateOnly(2032, 8, 31), "the lesson log"),
                new RecordKept(RetentionCategory.Sanctions, new DateOnly(2027, 8, 31), "a sanction"),
            ], Today));

        Assert.Equal(ErrorCodes.ErasureRefused, refusal.Code);
        Assert.True(refusal.Message.IndexOf("a sanction, kept until 2027-08-31", StringComparison.Ordinal)
            < refusal.Message.IndexOf("the lesson log, kept until 2032-08-31", StringComparison.Ordinal));
    }
}
