using MonBureau.Domain.Common;

namespace MonBureau.Domain.Privacy;

/// <summary>An official record that needs a person's key (their name, their sealed words) until <see cref="KeptUntil"/>.</summary>
public sealed record RecordKept(RetentionCategory Category, DateOnly KeptUntil, string Reason);

public static class ErasureDecisions
{
    /// <summary>
    /// Erasure (RGPD art. 17) does not apply where keeping the data is a legal obligation or a public task's official
    /// record (art. 17.3.b): the lesson log a teacher wrote, a sanction still on a student's file. Those records are
    /// sealed under the person's key, so the key stays until the last of them expires.
    /// </summary>
    public static IReadOnlyList<RecordKept> Binding(IEnumerable<RecordKept> kept, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return [.. kept.Where(k => k.KeptUntil >= today).OrderBy(k => k.KeptUntil)];
    }

    /// <summary>A request to erase is refused, with the reasons and dates, while official records are binding.</summary>
    public static void EnsureMayErase(IEnumerable<RecordKept> kept, DateOnly today)
    {
        var binding = Binding(kept, today);
        if (binding.Count > 0)
        {
            throw new BusinessRuleException(ErrorCodes.ErasureRefused,
                "Erasure refused (RGPD art. 17.3.b): " + string.Join("; ", binding.Select(b => $"{b.Reason}, kept until {b.KeptUntil:yyyy-MM-dd}")) + ".");
        }
    }
}
