namespace MonBureau.Domain.Common;

/// <summary>Guards for command input, each failing with a <see cref="BusinessRuleException"/> a user can read.</summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw Missing(field);
        if (trimmed.Length > maxLength)
            throw new BusinessRuleException(ErrorCodes.Validation, $"{field} must be at most {maxLength} characters.") { Field = field };
        return trimmed;
    }

    public static Guid Id(Guid value, string field) =>
        value == Guid.Empty ? throw Missing(field) : value;

    private static BusinessRuleException Missing(string field) =>
        new(ErrorCodes.Validation, $"{field} is required.") { Field = field };
}
