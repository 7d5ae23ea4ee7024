using MonBureau.Domain.Common;

namespace MonBureau.Domain.Workspace;

/// <summary>How folders are named, so that « mathématiques » set by one teacher and « Mathématiques » by another are one folder.</summary>
public static class WorkspaceNames
{
    public const int MaxLength = 100;

    /// <summary>A folder or file name: trimmed, inner spaces collapsed, no path separator (a name is not a path).</summary>
    public static string Of(string? name, string field = "Name")
    {
        var text = string.Join(' ', Require.Text(name, field, MaxLength).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (text.Contains('/', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal) || text is "." or "..")
            throw new BusinessRuleException(ErrorCodes.Validation, $"{field} cannot contain / or \\, nor be . or ..") { Field = field };
        return text;
    }

    /// <summary>A subject as a folder name: the establishment's own wording with a capital first letter (« Mathématiques »).</summary>
    public static string Subject(string? subject)
    {
        var name = Of(subject, "Subject");
        return string.Concat(name[..1].ToUpperInvariant(), name[1..]);
    }

    public static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
}
