using System.Security.Cryptography;
using System.Text;
using GraphQL;
using GraphQL.Transport;
using Marten;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// The stored outcome of a mutation sent with an Idempotency-Key, per actor and key: a retry of the same request gets
/// the same response without running the mutation again.
/// </summary>
public sealed class IdempotentResponse
{
    public string Id { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public static string IdFor(Guid? actorId, string key) => $"{actorId?.ToString() ?? "anonymous"}:{key}";

    public static string HashOf(GraphQLRequest request, IGraphQLTextSerializer serializer) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{request.Query}\n{request.OperationName}\n{(request.Variables is null ? "" : serializer.Serialize(request.Variables))}")));
}

/// <summary>Claims a key before running the mutation, so two concurrent retries cannot both run it.</summary>
internal static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string KeyReused = "IDEMPOTENCY_KEY_REUSED";

    public sealed record Claim(bool Claimed, IdempotentResponse? Existing);

    public static async Task<Claim> ClaimAsync(IDocumentStore store, string id, string requestHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Insert(new IdempotentResponse { Id = id, RequestHash = requestHash, CreatedAt = now });
            await session.SaveChangesAsync(cancellationToken);
            return new Claim(true, null);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            await using var query = store.QuerySession();
            return new Claim(false, await query.LoadAsync<IdempotentResponse>(id, cancellationToken));
        }
    }

    public static async Task CompleteAsync(IDocumentStore store, IdempotentResponse response, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(response);
        await session.SaveChangesAsync(cancellationToken);
    }

    public static async Task ReleaseAsync(IDocumentStore store, string id)
    {
        await using var session = store.LightweightSession();
        session.Delete<IdempotentResponse>(id);
        await session.SaveChangesAsync(CancellationToken.None);
    }
}
