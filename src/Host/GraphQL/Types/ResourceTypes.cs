using GraphQL.Types;
using MonBureau.Domain.Resources;
using MonBureau.Projections.Resources;
using MonBureau.Host.GraphQL.Nodes;

namespace MonBureau.Host.GraphQL.Types;

public sealed class ResourceType : ObjectGraphType<ResourceView>
{
    public ResourceType()
    {
        this.ImplementsNode();
        Name = "Resource";
        Description = "A pedagogical resource of the bank (banque de ressources).";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>)).Description("Stable identifier.");
        Field(x => x.AuthorId, type: typeof(NonNullGraphType<IdGraphType>)).Description("Teacher who wrote it.");
        Field(x => x.Title).Description("Title.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Level, nullable: true).Description("Level (niveau), e.g. « 1re ».");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>, List<string>>("tags").Description("Keywords.").Resolve(ctx => ctx.Source.Tags);
        Field(x => x.Body).Description("Content.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>, List<Guid>>("attachmentIds")
            .Description("Files of the file store attached to it, by id.")
            .Resolve(ctx => ctx.Source.AttachmentIds);
        Field(x => x.Sharing, type: typeof(NonNullGraphType<ResourceSharingType>)).Description("Who sees it.");
        Field(x => x.Archived).Description("Archived resources leave searches and lists; only their author still sees them.");
        Field(x => x.PublishedAt).Description("When it was published.");
        Field(x => x.UpdatedAt).Description("When it last changed.");
    }
}

public sealed class ResourceSharingType : EnumerationGraphType<ResourceSharing>
{
    public ResourceSharingType()
    {
        Name = "ResourceSharing";
        Description = "TEACHER (its author only), SUBJECT_TEAM (teachers of its subject in the establishment), ESTABLISHMENT (everyone there).";
    }
}

public sealed class PublishResourceInputType : InputObjectGraphType<PublishResource>
{
    public PublishResourceInputType()
    {
        Name = "PublishResourceInput";
        Description = "A new resource for the bank.";
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Level, nullable: true).Description("Level, at most 50 characters.");
        Field(x => x.Tags, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Keywords, at most 20.");
        Field(x => x.Body).Description("Content, at most 100,000 characters.");
        Field(x => x.AttachmentIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Ids of files in the file store, at most 20.");
        Field(x => x.Sharing, type: typeof(NonNullGraphType<ResourceSharingType>)).Description("Who sees it.");
    }
}

public sealed class ReviseResourceInputType : InputObjectGraphType<ReviseResource>
{
    public ReviseResourceInputType()
    {
        Name = "ReviseResourceInput";
        Description = "New content of one of the teacher's resources.";
        Field(x => x.ResourceId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The resource.");
        Field(x => x.Title).Description("Title, at most 200 characters.");
        Field(x => x.Subject).Description("Subject (matière).");
        Field(x => x.Level, nullable: true).Description("Level, at most 50 characters.");
        Field(x => x.Tags, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Keywords, at most 20.");
        Field(x => x.Body).Description("Content, at most 100,000 characters.");
        Field(x => x.AttachmentIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Ids of files in the file store, at most 20.");
        Field(x => x.Sharing, type: typeof(NonNullGraphType<ResourceSharingType>)).Description("Who sees it.");
    }
}
