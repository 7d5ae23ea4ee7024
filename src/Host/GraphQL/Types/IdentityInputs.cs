using GraphQL.Types;
using MonBureau.Application.Identity;

namespace MonBureau.Host.GraphQL.Types;

public sealed class SignInInputType : InputObjectGraphType<SignIn>
{
    public SignInInputType()
    {
        Name = "SignInInput";
        Description = "Credentials, and optionally which profile to act in.";
        Field(x => x.Login).Description("Login, e.g. « lea.schneider ».");
        Field(x => x.Password).Description("Password.");
        Field(x => x.TotpCode, nullable: true).Description("Current 6-digit code of the authenticator app; required for staff profiles and wherever set up.");
        Field(x => x.Role, type: typeof(RoleType)).Description("Profile to act in; the first one held when omitted.");
        Field(x => x.EstablishmentId, type: typeof(IdGraphType)).Description("Establishment of that profile, for people working in several.");
    }
}

public sealed class ActivateAccountInputType : InputObjectGraphType<ActivateAccount>
{
    public ActivateAccountInputType()
    {
        Name = "ActivateAccountInput";
        Description = "First sign-in with the code handed out by the school.";
        Field(x => x.Login).Description("Login.");
        Field(x => x.ActivationCode).Description("One-time activation code.");
        Field(x => x.NewPassword).Description("At least 12 characters with upper and lower case letters, digits and symbols.");
    }
}

public sealed class ConfirmSecondFactorInputType : InputObjectGraphType<ConfirmSecondFactor>
{
    public ConfirmSecondFactorInputType()
    {
        Name = "ConfirmSecondFactorInput";
        Description = "Proves the authenticator app is set up by giving its current code.";
        Field(x => x.Login).Description("Login.");
        Field(x => x.Password).Description("Password.");
        Field(x => x.TotpCode).Description("Current 6-digit code.");
    }
}
