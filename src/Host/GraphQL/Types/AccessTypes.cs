using GraphQL.Types;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Auditing;

namespace MonBureau.Host.GraphQL.Types;

public sealed class AccessEntryType : ObjectGraphType<AccessEntry>
{
    public AccessEntryType()
    {
        Name = "AccessEntry";
        Description = "One consultation of a person's data by someone else (journal des accès).";
        Field("accessedAt", x => x.Record.AccessedAt).Description("When.");
        Field("actorId", x => x.Record.ActorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Who read.");
        Field("actorRole", x => x.Record.Role, type: typeof(NonNullGraphType<RoleType>)).Description("In which profile.");
        Field("subjectId", x => x.Record.SubjectId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Whose data.");
        Field("category", x => x.Record.Category, type: typeof(NonNullGraphType<DataCategoryType>)).Description("Which kind of data.");
        Field("operation", x => x.Record.Operation).Description("The API field used, e.g. « Query.person ».");
        Field("correlationId", x => x.Record.CorrelationId).Description("The request, to find what else it did in the audit trail.");
    }
}

public sealed class DataCategoryType : EnumerationGraphType<DataCategory>
{
    public DataCategoryType()
    {
        Name = "DataCategory";
        Description = "Kinds of personal data whose consultation is recorded: IDENTITY, HOMEWORK, TIMETABLE, ABSENCES, SANCTIONS, GRADES, MESSAGES, PORTFOLIO.";
    }
}

public sealed class AccessAnomalyType : ObjectGraphType<AccessAnomaly>
{
    public AccessAnomalyType()
    {
        Name = "AccessAnomaly";
        Description = "An account whose consultations look like a takeover or misuse, to check with its owner.";
        Field(x => x.ActorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The account (person).");
        Field(x => x.Role, type: typeof(RoleType)).Description("The profile it acted in.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<AnomalyKindType>)).Description("What is unusual.");
        Field(x => x.Count).Description("People consulted in the period (UNUSUAL_VOLUME) or refusals (REPEATED_DENIALS).");
        Field(x => x.UsualCount).Description("People consulted in an average period of the same length before (UNUSUAL_VOLUME).");
    }
}

public sealed class AnomalyKindType : EnumerationGraphType<AnomalyKind>
{
    public AnomalyKindType()
    {
        Name = "AnomalyKind";
        Description = "UNUSUAL_VOLUME: many more people consulted than usual; REPEATED_DENIALS: many attempts outside the account's scope.";
    }
}

public sealed class ChainVerificationType : ObjectGraphType<ChainVerification>
{
    public ChainVerificationType()
    {
        Name = "ChainVerification";
        Description = "Result of checking the access history's hash chain from its first batch.";
        Field(x => x.Intact).Description("True when no record was changed, removed or inserted.");
        Field(x => x.BatchesChecked).Description("Batches verified before the first broken link (all of them when intact).");
        Field(x => x.RowsChecked).Description("Records verified.");
        Field(x => x.FirstBrokenBatch, nullable: true).Description("The first batch whose link is broken.");
        Field(x => x.Problem, nullable: true).Description("What is wrong there.");
    }
}
