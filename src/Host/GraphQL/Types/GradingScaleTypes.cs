using GraphQL.Types;
using MonBureau.Domain.Grading;
using MonBureau.Projections.Grading;

namespace MonBureau.Host.GraphQL.Types;

public sealed class GradingScaleKindType : EnumerationGraphType<GradingScaleKind>
{
    public GradingScaleKindType()
    {
        Name = "GradingScaleKind";
        Description = "A mark out of a maximum (NUMERIC) or one of ordered levels (LEVELS: letters, competency levels).";
    }
}

public sealed class GradingScaleType : ObjectGraphType<GradingScaleDetails>
{
    public GradingScaleType()
    {
        Name = "GradingScale";
        Description = "A grading-scale template (barème) of the establishment or of one teacher.";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.Name).Description("Name, e.g. « Sur 20 », « Compétences ».");
        Field(x => x.Kind, type: typeof(NonNullGraphType<GradingScaleKindType>)).Description("Numeric or levels.");
        Field(x => x.Maximum, nullable: true).Description("Highest mark of a numeric scale.");
        Field(x => x.Levels).Description("Levels of a scale of levels, best first.");
        Field(x => x.OwnerTeacherId, type: typeof(IdGraphType)).Description("The teacher it belongs to; null for an establishment scale.");
        Field(x => x.CreatedAt).Description("When it was created.");
    }
}

public sealed class CreateGradingScaleInputType : InputObjectGraphType<CreateGradingScale>
{
    public CreateGradingScaleInputType()
    {
        Name = "CreateGradingScaleInput";
        Description = "A new barème: numeric with a maximum, or 2 to 12 levels best first.";
        Field(x => x.Name).Description("Name, at most 60 characters.");
        Field(x => x.Kind, type: typeof(NonNullGraphType<GradingScaleKindType>)).Description("Numeric or levels.");
        Field(x => x.Maximum, nullable: true).Description("Maximum of a numeric scale, e.g. 20.");
        Field(x => x.Levels, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Levels, best first, e.g. A, B, C, D.");
        Field(x => x.ForEstablishment).Description("True (direction, administrator): for every teacher of the establishment; false (teacher): your own.");
    }
}
