using GraphQL;
using GraphQL.Types;
using MonBureau.Host.GraphQL.Fields;
using MonBureau.Host.GraphQL.Payloads;

namespace MonBureau.Host.GraphQL;

public sealed class MonBureauSchema : Schema
{
    static MonBureauSchema() => IdConversions.Register();

    public MonBureauSchema(IServiceProvider services) : base(services)
    {
        Query = new ObjectGraphType { Name = "Query", Description = "Everything a signed-in user can read." };
        SchoolStructureFields.AddQueries((ObjectGraphType)Query);
        HomeworkFields.AddQueries((ObjectGraphType)Query);
        HomeworkSubmissionFields.AddQueries((ObjectGraphType)Query);
        LessonLogFields.AddQueries((ObjectGraphType)Query);
        GradingScaleFields.AddQueries((ObjectGraphType)Query);
        FileFields.AddQueries((ObjectGraphType)Query);
        TeachingStructureFields.AddQueries((ObjectGraphType)Query);
        AuditFields.AddQueries((ObjectGraphType)Query);
        AuditFields.AddVerification((ObjectGraphType)Query);
        AuditFields.AddReports((ObjectGraphType)Query);
        RetentionFields.AddQueries((ObjectGraphType)Query);
        RetentionFields.AddDryRun((ObjectGraphType)Query);
        ConsentFields.AddQueries((ObjectGraphType)Query);
        DataSubjectFields.AddQueries((ObjectGraphType)Query);
        MessagingFields.AddQueries((ObjectGraphType)Query);
        NotificationFields.AddQueries((ObjectGraphType)Query);
        DisciplineFields.AddQueries((ObjectGraphType)Query);
        AttendanceFields.AddQueries((ObjectGraphType)Query);
        AgendaFields.AddQueries((ObjectGraphType)Query);
        CalendarFeedFields.AddQueries((ObjectGraphType)Query);
        ResourceBankFields.AddQueries((ObjectGraphType)Query);
        HomeFields.AddQueries((ObjectGraphType)Query);
        GradesFields.AddQueries((ObjectGraphType)Query);
        IndicatorFields.AddQueries((ObjectGraphType)Query);
        StatusFields.AddQueries((ObjectGraphType)Query);
        PortalFields.AddQueries((ObjectGraphType)Query);
        VirtualClassFields.AddQueries((ObjectGraphType)Query);
        ForumFields.AddQueries((ObjectGraphType)Query);
        ProjectFields.AddQueries((ObjectGraphType)Query);
        WorkspaceFields.AddQueries((ObjectGraphType)Query);
        PortfolioFields.AddQueries((ObjectGraphType)Query);
        HomePreferencesFields.AddQueries((ObjectGraphType)Query);
        NodeFields.AddQueries((ObjectGraphType)Query);

        var mutation = new ObjectGraphType { Name = "Mutation", Description = "Every change, each recorded as events with its actor." };
        SchoolStructureFields.AddMutations(mutation);
        HomeworkFields.AddMutations(mutation);
        HomeworkSubmissionFields.AddMutations(mutation);
        LessonLogFields.AddMutations(mutation);
        GradingScaleFields.AddMutations(mutation);
        TeachingStructureFields.AddMutations(mutation);
        PrivacyFields.AddMutations(mutation);
        IdentityFields.AddMutations(mutation);
        ImportFields.AddMutations(mutation);
        RetentionFields.AddMutations(mutation);
        ConsentFields.AddMutations(mutation);
        MessagingFields.AddMutations(mutation);
        NotificationFields.AddMutations(mutation);
        DisciplineFields.AddMutations(mutation);
        AttendanceFields.AddMutations(mutation);
        AgendaFields.AddMutations(mutation);
        CalendarFeedFields.AddMutations(mutation);
        ResourceBankFields.AddMutations(mutation);
        GradesFields.AddMutations(mutation);
        IndicatorFields.AddMutations(mutation);
        StatusFields.AddMutations(mutation);
        PortalFields.AddMutations(mutation);
        VirtualClassFields.AddMutations(mutation);
        ForumFields.AddMutations(mutation);
        ProjectFields.AddMutations(mutation);
        PaperFields.AddMutations(mutation);
        WorkspaceFields.AddMutations(mutation);
        PortfolioFields.AddMutations(mutation);
        HomePreferencesFields.AddMutations(mutation);
        MutationPayloads.Apply(mutation, services);
        Mutation = mutation;

        var subscription = new ObjectGraphType { Name = "Subscription", Description = "What the signed-in person sees at once, over WebSocket (graphql-transport-ws)." };
        LiveFields.AddSubscriptions(subscription);
        Subscription = subscription;

        this.WithIntrospectionComplexityImpact(0);
    }
}
