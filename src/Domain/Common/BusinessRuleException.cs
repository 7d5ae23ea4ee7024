namespace MonBureau.Domain.Common;

/// <summary>A command broke a business rule; <see cref="Code"/> is what API clients switch on.</summary>
public sealed class BusinessRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static BusinessRuleException Invalid(string message) => new(ErrorCodes.Validation, message);

    public static BusinessRuleException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static BusinessRuleException Forbidden() =>
        new(ErrorCodes.Forbidden, "You are not allowed to do this.");
}
