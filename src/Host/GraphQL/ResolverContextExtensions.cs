using GraphQL;
using Marten;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using Wolverine;

namespace MonBureau.Host.GraphQL;

internal static class ResolverContextExtensions
{
    public static T Service<T>(this IResolveFieldContext context) where T : notnull =>
        context.RequestServices!.GetRequiredService<T>();

    /// <summary>Each resolver reads through its own query session: sibling query fields resolve in parallel.</summary>
    public static IQuerySession OpenQuerySession(this IResolveFieldContext context) =>
        context.Service<IDocumentStore>().QuerySession();

    public static Actor Actor(this IResolveFieldContext context) =>
        ActingContext.Current ?? throw new MissingActorException();

    /// <summary>Runs a command through Wolverine, then re-reads the inline read model it produced.</summary>
    public static async Task<TReadModel?> SendAndReadAsync<TReadModel>(this IResolveFieldContext context, object command) where TReadModel : notnull
    {
        var id = await context.Service<IMessageBus>().RunAsync<Guid>(command, context.CancellationToken);
        await using var session = context.OpenQuerySession();
        return await session.LoadAsync<TReadModel>(id, context.CancellationToken);
    }
}
