using System.Text.RegularExpressions;
using MonBureau.Domain.Common;

namespace MonBureau.Domain.Establishments;

public sealed record OpenEstablishment(string Uai, string Name, string Academy);

public static partial class EstablishmentDecisions
{
    /// <summary>French schools live in Europe/Paris; overseas academies will pass their own zone when they join.</summary>
    public const string DefaultTimeZone = "Europe/Paris";

    public static EstablishmentOpened Open(Guid newId, OpenEstablishment command, bool uaiAlreadyOpened)
    {
        var uai = Require.Text(command.Uai, "UAI", 8).ToUpperInvariant();
        if (!UaiFormat().IsMatch(uai))
            throw BusinessRuleException.Invalid("UAI must be 7 digits followed by a letter, e.g. 0671234A.");
        if (uaiAlreadyOpened)
            throw new BusinessRuleException(ErrorCodes.Conflict, $"An establishment with UAI {uai} already exists.");

        return new EstablishmentOpened(
            newId, uai, Require.Text(command.Name, "Name", 200), Require.Text(command.Academy, "Academy", 100), DefaultTimeZone);
    }

    [GeneratedRegex("^[0-9]{7}[A-Z]$")]
    private static partial Regex UaiFormat();
}
