namespace MonBureau.Domain.Common;

/// <summary>
/// Base of every command or result that carries personal data or a secret (names, free text, passwords, codes,
/// tokens): its printed form — what frameworks write in logs when a command fails — names the type and nothing else.
/// </summary>
public abstract record Redacted
{
    public sealed override string ToString() => $"{GetType().Name} {{ personal data and secrets not shown }}";
}
