using MonBureau.Domain.Auditing;

namespace MonBureau.Domain.Tests;

public class EventChainTests
{
    private static readonly string?[][] Rows = [["1", "created", "{\"a\": 1}"], ["2", "renamed", null]];

    private static EventChainLink Seal(EventChainLink? previous, long last, string?[][] rows)
    {
        var batch = (previous?.Batch ?? 0) + 1;
        var first = (previous?.LastSequence ?? 0) + 1;
        var content = EventChain.ContentHash(rows);
        var link = previous?.LinkHash ?? EventChain.Genesis;
        return new EventChainLink(batch, first, last, rows.Length, content, link, EventChain.LinkHash(link, batch, first, last, rows.Length, content));
    }

    private static EventBatchContent Now(params string?[][] rows) => new(rows.Length, EventChain.ContentHash(rows));

    [Fact]
    public void A_batch_holding_what_was_sealed_is_sound()
    {
        var first = Seal(null, 2, Rows);
        var second = Seal(first, 5, [["5", "x", "{}"]]);

        Assert.Null(EventChain.Check(first, null, Now(Rows), null));
        Assert.Null(EventChain.Check(second, first, Now(["5", "x", "{}"]), null));
    }

    [Fact]
    public void A_null_field_an_empty_field_and_a_shifted_separator_hash_differently()
    {
        Assert.NotEqual(EventChain.ContentHash([["a", null]]), EventChain.ContentHash([["a", ""]]));
        Assert.NotEqual(EventChain.ContentHash([["a;", "b"]]), EventChain.ContentHash([["a", ";b"]]));
    }

    [Fact]
    public void A_changed_event_is_reported_with_its_batch_and_range()
    {
        var link = Seal(null, 2, Rows);

        var problem = EventChain.Check(link, null, Now(Rows[0], ["2", "renamed", "{}"]), null);

        Assert.Equal("Events 1–2 (batch 1): an event was changed without a recorded purge.", problem);
    }

    [Fact]
    public void A_deleted_or_inserted_event_is_reported_as_such()
    {
        var link = Seal(null, 2, Rows);

        Assert.Contains("deleted", EventChain.Check(link, null, Now(Rows[0]), null), StringComparison.Ordinal);
        Assert.Contains("inserted", EventChain.Check(link, null, Now([.. Rows, ["3", "forged", "{}"]]), null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_recorded_reseal_makes_the_new_content_the_expected_one_and_only_that_one()
    {
        var link = Seal(null, 2, Rows);
        string?[][] masked = [Rows[0], ["2", "renamed", "{\"masked\": true}"]];
        var reseal = new ResealedBatch(1, 1, 2, link.ContentHash, EventChain.ContentHash(masked), 2);

        Assert.Null(EventChain.Check(link, null, Now(masked), reseal));
        Assert.NotNull(EventChain.Check(link, null, Now(Rows), reseal));
        Assert.NotNull(EventChain.Check(link, null, Now(Rows[0], ["2", "renamed", "{\"other\": true}"]), reseal));
    }

    [Fact]
    public void A_removed_rewritten_or_reordered_seal_breaks_the_chain()
    {
        var first = Seal(null, 2, Rows);
        var second = Seal(first, 5, [["5", "x", "{}"]]);
        var third = Seal(second, 6, [["6", "y", "{}"]]);

        Assert.Contains("does not follow", EventChain.Check(third, first, Now(["6", "y", "{}"]), null), StringComparison.Ordinal);
        Assert.Contains("rewritten", EventChain.Check(second with { LastSequence = 4 }, first, Now(["5", "x", "{}"]), null), StringComparison.Ordinal);
        Assert.Contains("does not follow", EventChain.Check(second with { FirstSequence = 2 }, first, Now(["5", "x", "{}"]), null), StringComparison.Ordinal);
    }
}
