using GraphQL.Types;
using MonBureau.Application.Privacy;

namespace MonBureau.Host.GraphQL.Types;

public sealed class PurgeDueType : ObjectGraphType<PurgeCount>
{
    public PurgeDueType()
    {
        Name = "PurgeDue";
        Description = "What the next retention purge would erase in one category, in one establishment or region-wide.";
        Field<NonNullGraphType<RetentionCategoryType>>("category").Description("The category.").Resolve(ctx => ctx.Source.Category);
        Field<IdGraphType>("establishmentId").Description("The establishment; null for a category kept alike for the whole platform.").Resolve(ctx => ctx.Source.EstablishmentId);
        Field(x => x.Uai, nullable: true).Description("The establishment's UAI; null region-wide.");
        Field<NonNullGraphType<BooleanGraphType>>("regionWide").Description("True for a category kept alike for the whole platform (closed accounts, the access history).")
            .Resolve(ctx => ctx.Source.EstablishmentId is null);
        Field(x => x.Count).Description("How many records are past retention.");
    }
}
