using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using MonBureau.Application.Auditing;
using MonBureau.Host.Authorization;
using MonBureau.Host.GraphQL;
using MonBureau.Host.Identity;
using MonBureau.Host.Seeding;

namespace MonBureau.Host.Setup;

public static class ApiSetup
{
    public static void AddMonBureauApi(this WebApplicationBuilder builder, string tokenSigningKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var tokens = AccessTokens.FromBase64Key(tokenSigningKey);
        builder.Services.AddSingleton(tokens);
        builder.Services.AddSingleton<DeniedAccessLog>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = tokens.ValidationParameters();
        });

        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<MonBureauSchema>()
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
            .AddGraphTypes(typeof(MonBureauSchema).Assembly)
            .UseMiddleware<FieldAccessMiddleware>()
            .AddComplexityAnalyzer(limits =>
            {
                limits.MaxDepth = 15;
                limits.MaxComplexity = 5_000;
            })
            .AddUnhandledExceptionHandler(context =>
                ErrorTranslation.Translate(context, context.ExecutionOptions.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("MonBureau.GraphQL")))
            .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = false));
    }

    public static void AddDemoSeeding(this WebApplicationBuilder builder, string tokenFile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoSeeder>(sp, tokenFile));
    }
}
