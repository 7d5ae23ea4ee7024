namespace MonBureau.Host.GraphQL.Payloads;

/// <summary>Why a mutation was refused, told to the user in the mutation's payload (ADR 0027).</summary>
/// <param name="Code">One of <see cref="UserErrorCodeType"/>.</param>
/// <param name="Field">Path to the argument or input field at fault, when known (e.g. <c>["input", "title"]</c>).</param>
/// <param name="RetryAfter">ACCOUNT_LOCKED: when signing in may be tried again.</param>
/// <param name="CurrentVersion">CONFLICT on an edit made from an old version: the version to reload.</param>
public sealed record UserError(string Code, string Message, IReadOnlyList<string>? Field, DateTimeOffset? RetryAfter, long? CurrentVersion);

/// <summary>What a mutation resolved to: its result, or the user errors that refused it (then it wrote nothing).</summary>
public sealed record MutationPayload(object? Result, IReadOnlyList<UserError> UserErrors);
