using GraphQL.Types;
using MonBureau.Application.Auditing;

namespace MonBureau.Host.GraphQL.Types;

public sealed class EventLogVerificationType : ObjectGraphType<EventLogVerification>
{
    public EventLogVerificationType()
    {
        Name = "EventLogVerification";
        Description = "Result of checking the event log's hash chain (the record of every action) from its first batch.";
        Field(x => x.Intact).Description("True when no event was changed, removed or inserted except by a recorded purge.");
        Field(x => x.BatchesChecked).Description("Batches verified before the first broken one (all of them when intact).");
        Field(x => x.EventsChecked).Description("Events in those batches.");
        Field(x => x.FirstBrokenBatch, nullable: true).Description("The first batch that does not match its seal.");
        Field(x => x.FirstSequence, nullable: true).Description("The first event sequence number that batch covers.");
        Field(x => x.LastSequence, nullable: true).Description("The last event sequence number that batch covers.");
        Field(x => x.Problem, nullable: true).Description("What differs there.");
        Field(x => x.HeadLinkHash, nullable: true).Description("The last batch's link hash (hex): keep it outside the database to prove later that nothing before it was rewritten.");
    }
}
