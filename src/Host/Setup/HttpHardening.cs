namespace MonBureau.Host.Setup;

/// <summary>
/// Browser-facing protections of the API: security headers on every response (nothing of a family's data may be
/// cached, framed or sniffed) and CORS limited to the configured front-end origins (MonBureau:Cors:AllowedOrigins).
/// </summary>
public static class HttpHardening
{
    public const string CorsPolicy = "front-ends";

    public static void AddHttpHardening(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var origins = builder.Configuration.GetSection("MonBureau:Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "Accept", "Idempotency-Key", "X-Correlation-Id")
            .WithExposedHeaders("X-Correlation-Id", "Idempotent-Replayed")));
    }

    public static void UseHttpHardening(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
            if (context.Request.IsHttps)
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            await next(context);
        });
        app.UseCors(CorsPolicy);
    }
}
