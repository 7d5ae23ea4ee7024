using System.Text.Encodings.Web;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using GraphQL.Validation.Rules.Custom;
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

        var limits = new GraphQLLimits { Introspection = !builder.Environment.IsProduction() };
        builder.Configuration.GetSection(GraphQLLimits.Section).Bind(limits);
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton(PersistedOperations.Load(limits.PersistedOperationsFile));
        builder.Services.AddGraphQL(graphQL =>
        {
            graphQL
                .AddSchema<MonBureauSchema>()
                .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All))
                .AddGraphTypes(typeof(MonBureauSchema).Assembly)
                .UseMiddleware<FieldAccessMiddleware>()
                .AddExecutionStrategy<SubscriptionExecutionStrategy>(OperationType.Subscription)
                .AddComplexityAnalyzer(complexity =>
                {
                    complexity.MaxDepth = limits.MaxDepth;
                    complexity.MaxComplexity = limits.MaxComplexity;
                })
                .AddValidationRule(new AliasLimitRule(limits.MaxAliases))
                .AddValidationRule(new StorableTextRule())
                .AddUnhandledExceptionHandler(context =>
                    ErrorTranslation.Translate(context, context.ExecutionOptions.RequestServices!.GetRequiredService<ILoggerFactory>().CreateLogger("MonBureau.GraphQL")))
                .AddErrorInfoProvider(errors => errors.ExposeExceptionDetails = false);
            if (!limits.Introspection)
                graphQL.AddValidationRule(NoIntrospectionValidationRule.Instance);
        });
    }

    public static void AddDemoSeeding(this WebApplicationBuilder builder, string tokenFile)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoSeeder>(sp, tokenFile));
    }
}
