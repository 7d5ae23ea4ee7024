using GraphQL.Builders;
using GraphQL.Types;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL.Types;

internal static class PersonalDataExtensions
{
    /// <summary>Personal data reads as a nullable string: null once its subject has been erased (droit à l'effacement).</summary>
    public static FieldBuilder<TSource, string> PersonalField<TSource>(
        this ObjectGraphType<TSource> type, string name, Func<TSource, PersonalData?> select, string description) =>
        type.Field<StringGraphType, string>(name)
            .Description(description + " Null once the person's data has been erased.")
            .Resolve(ctx => select(ctx.Source)?.Value);
}
