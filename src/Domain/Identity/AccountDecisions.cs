using MonBureau.Domain.Common;
using MonBureau.Domain.People;

namespace MonBureau.Domain.Identity;

public static class AccountDecisions
{
    public static readonly TimeSpan ActivationValidity = TimeSpan.FromDays(30);
    public const int MinimumPasswordLength = 12;

    public static AccountOpened Open(Person? person, Account? existing, Guid staffEstablishmentId, DateTimeOffset now)
    {
        if (person is null || !person.Profiles.Any(p => p.EstablishmentId == staffEstablishmentId))
            throw BusinessRuleException.NotFound("Person");
        if (existing is not null)
            throw new BusinessRuleException(ErrorCodes.Conflict, "This person already has an account; reset their password instead.");
        return new AccountOpened(person.Id, now + ActivationValidity);
    }

    public static PasswordResetByStaff ResetPassword(Person? person, Account? account, Guid staffEstablishmentId, DateTimeOffset now)
    {
        if (person is null || account is null || !person.Profiles.Any(p => p.EstablishmentId == staffEstablishmentId))
            throw BusinessRuleException.NotFound("Account");
        return new PasswordResetByStaff(person.Id, now + ActivationValidity);
    }

    /// <param name="codeValid">Whether the one-time activation code matched (checked at the edge, in constant time).</param>
    public static AccountActivated Activate(Account? account, Person person, bool codeValid, string newPassword, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (account is null || account.Status != AccountStatus.PendingActivation || !codeValid || account.ActivationExpiresAt < now)
            throw new BusinessRuleException(ErrorCodes.InvalidCredentials, "This activation code is not valid (wrong, used or expired); ask the school for a new one.");
        RequireStrongPassword(newPassword);
        return new AccountActivated(person.Id, person.Profiles.Any(p => p.Role.RequiresSecondFactor()));
    }

    /// <summary>CNIL recommendation for a password alone: at least 12 characters mixing upper case, lower case, digits and symbols.</summary>
    public static void RequireStrongPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var classes = new[] { password.Any(char.IsUpper), password.Any(char.IsLower), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) };
        if (password.Length < MinimumPasswordLength || classes.Count(c => c) < 4)
            throw BusinessRuleException.Invalid(
                $"The password must have at least {MinimumPasswordLength} characters, with upper and lower case letters, digits and symbols.");
        if (password.Length > 256)
            throw BusinessRuleException.Invalid("The password must have at most 256 characters.");
    }
}
