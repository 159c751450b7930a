using System.Text.Json.Serialization;
using CryptoIntel.Web.Api;
using CryptoIntel.Web.Http;
using CryptoIntel.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;

namespace CryptoIntel.Web.Hosting;

/// <summary>Registers and maps the web host: API, OpenAPI, security, rate limiting, caching, health, metrics.</summary>
internal static class WebHostingExtensions
{
    /// <summary>Adds the web host's services (everything but the data store and the pipeline).</summary>
    public static WebApplicationBuilder AddCryptoIntelWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
        services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsCrossValidator>();
        var web = builder.Configuration.GetSection(WebOptions.SectionName).Get<WebOptions>() ?? new WebOptions();

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default);
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

            // Numbers are JSON numbers, both ways (the web defaults also read "0.5" as a number, which made every
            // number in the OpenAPI document "number or string").
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });

        // Security: API keys in X-Api-Key; "read" is open unless Web:RequireKeyForReads.
        services.AddSingleton<ApiKeyRegistry>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.WritePolicy, policy => policy.RequireClaim(ApiKeyDefaults.ScopeClaim, "write"))
            .AddPolicy(ApiKeyDefaults.ReadPolicy, policy =>
            {
                if (web.RequireKeyForReads)
                {
                    policy.RequireClaim(ApiKeyDefaults.ScopeClaim, "read");
                }
                else
                {
                    policy.RequireAssertion(_ => true);
                }
            });
        services.AddWebRateLimiting();

        // Output cache: in memory (embedded) or in Redis shared by every reader (reader mode).
        services.AddOutputCache(cache =>
        {
            cache.AddPolicy(ApiOutputCachePolicy.Name, new ApiOutputCachePolicy(web.OutputCacheDuration, ApiOutputCachePolicy.Tag));
            cache.AddPolicy(ApiOutputCachePolicy.UserDataName, new ApiOutputCachePolicy(web.OutputCacheDuration, ApiOutputCachePolicy.UserDataTag));
            cache.SizeLimit = 256L * 1024 * 1024;
        });
        if (web.Mode == WebHostMode.Reader && !string.IsNullOrWhiteSpace(web.Redis))
        {
            services.AddStackExchangeRedisOutputCache(redis =>
            {
                redis.Configuration = web.Redis;
                redis.InstanceName = "cryptointel:web:";
            });
        }

        services.AddOpenApi(openApi => openApi.AddOperationTransformer<ParameterSchemaTransformer>().AddSchemaTransformer<ParameterSchemaTransformer>().AddSchemaTransformer<AnswerSchemaTransformer>().AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CryptoIntel API";
            document.Info.Version = "v1";
            document.Info.Description =
                "Crypto market intelligence: market data, DeFi, news, entities and signals collected by CryptoIntel. " +
                "Lists use cursor pagination (pass 'nextCursor' back as 'cursor'); errors are RFC 7807 problem details; " +
                "reads carry ETags; write endpoints need an API key in the X-Api-Key header.";
            return Task.CompletedTask;
        }));

        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"]);

        services.AddSingleton<WebMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Diagnostics", "CryptoIntel.*", WebMetrics.MeterName)
            .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Adds the middleware and maps every endpoint.</summary>
    public static WebApplication MapCryptoIntelWeb(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Dashboards (static files under wwwroot/, written by the dashboards' build).
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapApi();

        app.MapOpenApi("/openapi/{documentName}.json").CacheOutput(ApiOutputCachePolicy.Name);
        app.MapScalarApiReference("/scalar", scalar => scalar
            .WithTitle("CryptoIntel API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json"));

        // Probes and scrapes come from the platform at their own pace: a rate limit would turn a busy client's 429s into
        // a failed probe and a restart.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthWriter.WriteAsync })
            .DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = HealthWriter.WriteAsync })
            .DisableRateLimiting();
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting();
        return app;
    }
}
