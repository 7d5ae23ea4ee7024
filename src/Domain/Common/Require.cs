namespace MonBureau.Domain.Common;

/// <summary>Guards for command input, each failing with a <see cref="BusinessRuleException"/> a user can read.</summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            throw BusinessRuleException.Invalid($"{field} is required.");
        if (trimmed.Length > maxLength)
            throw BusinessRuleException.Invalid($"{field} must be at most {maxLength} characters.");
        return trimmed;
    }

    public static Guid Id(Guid value, string field) =>
        value == Guid.Empty ? throw BusinessRuleException.Invalid($"{field} is required.") : value;
}
