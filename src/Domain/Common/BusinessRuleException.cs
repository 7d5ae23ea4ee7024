namespace MonBureau.Domain.Common;

/// <summary>A command broke a business rule; <see cref="Code"/> is what API clients switch on.</summary>
public sealed class BusinessRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>Facts the client needs to recover (e.g. <c>currentVersion</c>), sent as error extensions next to the code.</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; init; }

    /// <summary>The command property the rule is about, when one is (e.g. <c>Title</c>): the API points the user at that input field.</summary>
    public string? Field { get; init; }

    public static BusinessRuleException Invalid(string message) => new(ErrorCodes.Validation, message);

    public static BusinessRuleException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static BusinessRuleException Forbidden() =>
        new(ErrorCodes.Forbidden, "You are not allowed to do this.");
}
