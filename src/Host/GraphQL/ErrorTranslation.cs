using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using MonBureau.Application;
using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL;

/// <summary>
/// Turns exceptions into errors a client can act on (extensions.code, docs/errors.md). Unknown failures are logged
/// with the correlation id and reach the client as INTERNAL without internals.
/// </summary>
internal static class ErrorTranslation
{
    public static void Translate(UnhandledExceptionContext context, ILogger logger)
    {
        var error = Known(context.OriginalException);
        if (error is null)
        {
            logger.LogError(context.OriginalException, "Unhandled error in GraphQL field (correlation {CorrelationId})", ActingContext.CorrelationId);
            error = new ExecutionError($"Internal error; quote reference {ActingContext.CorrelationId} to support.") { Code = ErrorCodes.Internal };
        }

        context.Exception = error;
    }

    /// <summary>The error a client receives for an expected failure, or null for an unexpected one (INTERNAL).</summary>
    public static ExecutionError? Known(Exception exception) =>
        exception switch
        {
            ExecutionError { Code: not null } error => error,
            BusinessRuleException rule => WithExtensions(new ExecutionError(rule.Message) { Code = rule.Code }, rule.Extensions),
            AccessLogUnavailableException => new ExecutionError("The service cannot record this consultation right now, so it does not show the data; try again in a moment.") { Code = ErrorCodes.Unavailable },
            MissingActorException => new ExecutionError("Sign in to do this.") { Code = ErrorCodes.Unauthenticated },
            var e when e is JasperFx.DocumentAlreadyExistsException || StreamCollision.Is(e) => new ExecutionError("Someone created the same thing at the same moment; reload and try again.") { Code = ErrorCodes.Conflict },
            JasperFx.ConcurrencyException => new ExecutionError("This was changed by someone else meanwhile; reload and try again.") { Code = ErrorCodes.Conflict },
            var e when DatabaseOutage.Is(e) => new ExecutionError("The service is briefly unavailable; try again in a moment.") { Code = ErrorCodes.Unavailable },
            JsonException or FormatException => new ExecutionError("Invalid input.") { Code = ErrorCodes.Validation },
            // The parser stops at its nesting limit with its own exception type, which the executor does not treat as a syntax error.
            GraphQLParser.Exceptions.GraphQLParserException parse => new ExecutionError(parse.Description) { Code = "SYNTAX_ERROR" },
            _ => null,
        };

    private static ExecutionError WithExtensions(ExecutionError error, IReadOnlyDictionary<string, object>? extensions)
    {
        foreach (var (key, value) in extensions ?? new Dictionary<string, object>())
            (error.Extensions ??= new Dictionary<string, object?>())[key] = value;
        return error;
    }
}
