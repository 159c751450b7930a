using CryptoIntel.Sources.Replay;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace CryptoIntel.Sources.Internal;

/// <summary>Registers one provider: options, named HTTP client with its pipeline, budget, caller, client, health check.</summary>
internal static class SourceRegistration
{
    public static ISourceBuilder Add<TClient, TOptions, TValidator>(
        ICryptoIntelBuilder builder,
        string provider,
        Action<OptionsBuilder<TOptions>> configureOptions,
        Func<SourceCaller, TClient> createClient)
        where TClient : class
        where TOptions : SourceClientOptions
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        AddShared(services);
        configureOptions(services.AddOptions<TOptions>().ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SourceClientOptionsValidator<TOptions>>());

        var httpClient = services.AddHttpClient(SourceCaller.HttpClientName(provider));
        var result = new SourceBuilder(services, provider, httpClient);
        if (services.Any(d => d.ServiceType == typeof(SourceMarker) && ((SourceMarker?)d.ImplementationInstance)?.Provider == provider))
        {
            return result;
        }

        services.AddSingleton(new SourceMarker(provider, typeof(TClient), typeof(TOptions)));
        services.AddKeyedSingleton(provider, (_, _) => new SourceHealth(provider));

        httpClient
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.GetBaseAddress();
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns every timeout
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var replay = sp.GetRequiredService<IOptions<SourcesOptions>>().Value.ReplayDirectory;
                return string.IsNullOrEmpty(replay)
                    ? new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }
                    : new SourceReplayHandler(Path.Combine(replay, provider));
            });

        httpClient.AddStandardResilienceHandler().Configure((resilience, sp) =>
            ConfigureResilience(resilience, sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue));

        httpClient.AddHttpMessageHandler(sp => new QuotaLimitHandler(
            sp.GetRequiredService<SourceBudgets>().Get(provider, sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue),
            sp.GetRequiredService<SourcesTelemetry>()));
        httpClient.AddHttpMessageHandler(sp => new ApiKeyHandler<TOptions>(sp.GetRequiredService<IOptionsMonitor<TOptions>>()));
        httpClient.AddHttpMessageHandler(sp =>
            sp.GetRequiredService<IOptions<SourcesOptions>>().Value.RecordDirectory is { Length: > 0 } record
                ? new SourceRecordingHandler(Path.Combine(record, provider)) { Secret = () => sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.ApiKey }
                : new PassThroughHandler());

        services.TryAddSingleton(sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
            return createClient(new SourceCaller(
                provider,
                sp.GetRequiredService<IHttpClientFactory>(),
                () => monitor.CurrentValue,
                sp.GetRequiredService<HybridCache>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<SourcesTelemetry>(),
                sp.GetRequiredKeyedService<SourceHealth>(provider),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("CryptoIntel.Sources." + provider)));
        });

        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "cryptointel-source-" + provider,
            sp => new SourceHealthCheck(
                sp.GetRequiredKeyedService<SourceHealth>(provider),
                () => sp.GetRequiredService<SourceBudgets>().All.FirstOrDefault(b => b.Provider == provider)),
            failureStatus: null,
            tags: ["cryptointel", "source"]));
        return result;
    }

    internal static void ConfigureResilience(HttpStandardResilienceOptions resilience, SourceClientOptions options)
    {
        resilience.AttemptTimeout.Timeout = options.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = options.TotalTimeout;
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, options.AttemptTimeout.Ticks * 2 + 1));
        // Polly needs at least one attempt configured; "no retries" is a predicate that never handles.
        var retries = options.MaxRetryAttempts;
        resilience.Retry.MaxRetryAttempts = Math.Max(retries, 1);
        resilience.Retry.Delay = options.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldRetryAfterHeader = true;
        var waitForRate = options.WaitForRateLimit;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(retries > 0 && BudgetRefusal(args.Outcome) switch
        {
            "minute" => waitForRate,
            "month" => false,
            _ => HttpClientResiliencePredicates.IsTransient(args.Outcome),
        });

        // A refusal of our own budget says nothing about the provider's health: it never trips the breaker.
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
            BudgetRefusal(args.Outcome) is null && HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }

    private static string? BudgetRefusal(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.Headers.TryGetValues(SourceHeaders.BudgetRefused, out var values) == true ? values.FirstOrDefault() : null;

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHybridCache();
        services.AddMetrics();
        services.AddOptions<SourcesOptions>();
        services.TryAddSingleton<SourceRateLimiterFactory, InProcessRateLimiterFactory>();
        services.TryAddSingleton<SourceBudgets>();
        services.TryAddSingleton<SourcesTelemetry>();
    }

    private sealed class PassThroughHandler : DelegatingHandler;

    private sealed record SourceBuilder(IServiceCollection Services, string Provider, IHttpClientBuilder HttpClient) : ISourceBuilder;
}

/// <summary>Marks a registered provider, so that registering it twice adds its pipeline once.</summary>
internal sealed record SourceMarker(string Provider, Type ClientType, Type OptionsType);
