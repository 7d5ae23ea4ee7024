using GraphQL.Types;
using MonBureau.Domain.Privacy;

namespace MonBureau.Host.GraphQL.Types;

public sealed class ConsentStatusType : ObjectGraphType<ConsentStatus>
{
    public ConsentStatusType()
    {
        Name = "ConsentStatus";
        Description = "Whether consent is held for one optional processing.";
        Field(x => x.Purpose, type: typeof(NonNullGraphType<ConsentPurposeType>)).Description("The processing.");
        Field(x => x.Given).Description("True while consent is given.");
        Field(x => x.Since, nullable: true).Description("When it was last given or withdrawn.");
        Field(x => x.By, type: typeof(IdGraphType)).Description("Who gave or withdrew it (the person, or their legal guardian).");
    }
}

public sealed class ConsentPurposeType : EnumerationGraphType<ConsentPurpose>
{
    public ConsentPurposeType()
    {
        Name = "ConsentPurpose";
        Description = "PHOTO_PUBLICATION (droit à l'image), OPTIONAL_CONNECTORS (third-party services that are not needed for schooling).";
    }
}
