using MonBureau.Application.Auditing;
using MonBureau.Domain.Common;
using MonBureau.Host.Tests.Infrastructure;

namespace MonBureau.Host.Tests;

[Collection(AppHost.Name)]
public class RetentionPolicyTests(AppFactory app)
{
    private const string Override = "mutation($c: RetentionCategory!, $d: Int!) { overrideRetention(category: $c, days: $d) { retentionPolicies { category days overridden policyVersion } userErrors { code message } } }";

    [Fact]
    public async Task The_privacy_officer_reads_the_register_and_sets_a_duration_within_the_law()
    {
        var school = await SchoolScenario.CreateAsync(app);
        var officer = app.Client(app.TokenFor(new Actor(Guid.CreateVersion7(), Role.PrivacyOfficer, school.EstablishmentId)));

        var register = (await officer.SendAsync("{ retentionPolicies { category days source } }")).Ok()["retentionPolicies"]!.AsArray();
        var changed = (await officer.SendAsync(Override, new { c = "MESSAGES", d = 730 })).Ok()["overrideRetention"]!["retentionPolicies"]!.AsArray();
        var refused = await officer.SendAsync(Override, new { c = "SANCTIONS", d = 30 });
        var platformWide = await officer.SendAsync(Override, new { c = "ACCESS_HISTORY", d = 730 });

        Assert.Equal(9, register.Count);
        Assert.Equal(90, register.Single(r => r!["category"]!.GetValue<string>() == "ACCOUNT_DATA")!["days"]!.GetValue<int>());
        var messages = changed.Single(r => r!["category"]!.GetValue<string>() == "MESSAGES")!;
        Assert.Equal(730, messages["days"]!.GetValue<int>());
        Assert.True(messages["overridden"]!.GetValue<bool>());
        Assert.Equal(1, messages["policyVersion"]!.GetValue<int>());
        Assert.Equal("VALIDATION", refused.FirstErrorCode);
        Assert.Equal("VALIDATION", platformWide.FirstErrorCode);
    }
}
