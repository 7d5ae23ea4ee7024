using GraphQL.Types;

namespace MonBureau.Host.GraphQL.Types;

/// <summary>A printed family paper: the PDF and the id its issue is recorded under.</summary>
public sealed record FamilyPaper(Guid IssueId, DateTimeOffset IssuedAt, string Pdf);

public sealed class FamilyPaperType : ObjectGraphType<FamilyPaper>
{
    public FamilyPaperType()
    {
        Name = "FamilyPaper";
        Description = "A family's pending items on paper (version papier), to print and hand over.";
        Field(x => x.IssueId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The recorded issue.");
        Field(x => x.IssuedAt).Description("When it was issued.");
        Field(x => x.Pdf).Description("The PDF, base64-encoded.");
    }
}
