using System.Reflection;
using GraphQL.Types;
using MonBureau.Domain.Common;

namespace MonBureau.Host.GraphQL.Payloads;

public sealed class UserErrorType : ObjectGraphType<UserError>
{
    public UserErrorType()
    {
        Name = "UserError";
        Description = "Why a change was refused: something the user can correct or understand (docs/errors.md). Nothing was written.";
        Field(x => x.Code, type: typeof(NonNullGraphType<UserErrorCodeType>)).Description("What went wrong; clients switch on it, never on the message.");
        Field(x => x.Message).Description("A sentence for the user, in plain words.");
        Field(x => x.Field, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>)).Description("Path to the argument or input field at fault, e.g. [\"input\", \"title\"]; null when the error is about the whole change.");
        Field(x => x.RetryAfter, nullable: true).Description("ACCOUNT_LOCKED: when signing in may be tried again.");
        Field(x => x.CurrentVersion, type: typeof(LongGraphType)).Description("CONFLICT on an edit made from an old version (editHomework): the version now, to reload before editing again.");
    }
}

/// <summary>
/// Every code of <see cref="ErrorCodes"/> a user can act on. The others (sign-in needed, profile not allowed, service
/// unavailable, internal) are not about this change's content and stay top-level errors; a code added to ErrorCodes
/// later is a user error unless listed there.
/// </summary>
public sealed class UserErrorCodeType : EnumerationGraphType
{
    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        ErrorCodes.Unauthenticated, ErrorCodes.Forbidden, ErrorCodes.Unavailable, ErrorCodes.Internal,
    };

    public static readonly IReadOnlyList<string> Codes = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Where(code => !TopLevel.Contains(code))
        .ToList();

    public UserErrorCodeType()
    {
        Name = "UserErrorCode";
        Description = "The code of a user error; docs/errors.md explains each.";
        foreach (var code in Codes)
            Add(code, code, $"{code}: see docs/errors.md.");
    }
}
