using GraphQL.Types;
using MonBureau.Domain.Privacy;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A category's rule as it applies in one establishment.</summary>
public sealed record EffectiveRetention(RetentionRule Rule, TimeSpan? Duration, bool Overridden, int PolicyVersion);

public sealed class EffectiveRetentionType : ObjectGraphType<EffectiveRetention>
{
    public EffectiveRetentionType()
    {
        Name = "RetentionPolicy";
        Description = "How long one category of personal data is kept in the establishment, why, and on which legal basis.";
        Field("category", x => x.Rule.Category, type: typeof(NonNullGraphType<RetentionCategoryType>)).Description("The category.");
        Field("purpose", x => x.Rule.Purpose).Description("Why it is processed (finalité).");
        Field("legalBasis", x => x.Rule.LegalBasis).Description("Legal basis (base légale).");
        Field("counted", x => x.Rule.Counted).Description("From when the duration runs.");
        Field<IntGraphType, int?>("days").Description("Duration in days; null when fixed by law per item (sanctions).").Resolve(ctx => ctx.Source.Duration is { } d ? (int)d.TotalDays : null);
        Field<IntGraphType, int?>("minimumDays").Description("Shortest duration the establishment may set.").Resolve(ctx => ctx.Source.Rule.Minimum is { } d ? (int)d.TotalDays : null);
        Field<IntGraphType, int?>("maximumDays").Description("Longest duration the establishment may set.").Resolve(ctx => ctx.Source.Rule.Maximum is { } d ? (int)d.TotalDays : null);
        Field("source", x => x.Rule.Source).Description("Where the duration comes from.");
        Field(x => x.Overridden).Description("Whether the establishment set its own duration.");
        Field(x => x.PolicyVersion).Description("Version of the establishment's retention policy (0: the defaults).");
    }
}

public sealed class RetentionCategoryType : EnumerationGraphType<RetentionCategory>
{
    public RetentionCategoryType()
    {
        Name = "RetentionCategory";
        Description = "Categories of personal data with their own retention rule (registre des traitements).";
    }
}
