using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.Redis;
using CryptoIntel.Sources.Redis.Internal;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds Redis to the CryptoIntel sources: a budget shared by every process that uses the same API key, and Redis
/// as the HybridCache L2 (distributed) tier. (A partial class cannot span assemblies, hence a class of its own beside
/// <c>CryptoIntelBuilderExtensions</c>.)
/// </summary>
public static class RedisCryptoIntelBuilderExtensions
{
    /// <summary>
    /// Keeps every source's budget (per-minute rate and monthly quota) in Redis instead of in this process, so that
    /// several processes sharing one API key share one budget. Replaces the registered
    /// <see cref="SourceRateLimiterFactory"/>; call it before or after the <c>Add*</c> source methods.
    /// </summary>
    /// <remarks>
    /// The per-minute rate is a RedisRateLimiting sliding window; the monthly quota is a calendar-month (UTC) counter
    /// spent atomically by a Lua script and read on the registered <see cref="TimeProvider"/>. Refusals carry the
    /// wait until a permit frees up (next month for the quota). The budget <b>fails closed</b>: while Redis cannot be
    /// reached nothing is sent to the provider, and the call fails with a <see cref="SourceRequestException"/> of kind
    /// <see cref="SourceFailureKind.Unreachable"/> whose operation is <c>budget</c> (stale-on-error still serves the
    /// last good value). Quotas are spent on a shared key; an unchecked request could not be taken back.
    /// </remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; <see cref="RedisBudgetOptions.Configuration"/> or <see cref="RedisBudgetOptions.ConnectionMultiplexerFactory"/> is required.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder UseRedisBudget(this ICryptoIntelBuilder builder, Action<RedisBudgetOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return UseRedisBudget(builder, options => options.Configure(configure));
    }

    /// <summary>
    /// Keeps every source's budget in Redis, with the options bound to <paramref name="section"/> (e.g.
    /// <c>CryptoIntel:Sources:RedisBudget</c>, keys <c>Configuration</c> and <c>KeyPrefix</c>). See
    /// <see cref="UseRedisBudget(ICryptoIntelBuilder, Action{RedisBudgetOptions})"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder UseRedisBudget(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        return UseRedisBudget(builder, options => options.Bind(section));
    }

    /// <summary>
    /// Adds Redis as the L2 (distributed) tier of the HybridCache that the sources cache their responses in, so that
    /// processes sharing the Redis and <see cref="RedisSourceCacheOptions.InstanceName"/> reuse each other's responses
    /// instead of calling the provider again. Registers <c>Microsoft.Extensions.Caching.StackExchangeRedis</c> as the
    /// <see cref="Caching.Distributed.IDistributedCache"/>.
    /// </summary>
    /// <remarks>
    /// A Redis that cannot be reached does not fail the calls: HybridCache logs the L2 failure and the call goes on to
    /// the provider (within the budget). Calls to a Redis that is down fail fast instead of waiting in a backlog.
    /// </remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; <see cref="RedisSourceCacheOptions.Configuration"/> or <see cref="RedisSourceCacheOptions.ConnectionMultiplexerFactory"/> is required.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder UseRedisCache(this ICryptoIntelBuilder builder, Action<RedisSourceCacheOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return UseRedisCache(builder, options => options.Configure(configure));
    }

    /// <summary>
    /// Adds Redis as the L2 tier of the sources' HybridCache, with the options bound to <paramref name="section"/>
    /// (e.g. <c>CryptoIntel:Sources:RedisCache</c>, keys <c>Configuration</c> and <c>InstanceName</c>). See
    /// <see cref="UseRedisCache(ICryptoIntelBuilder, Action{RedisSourceCacheOptions})"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder UseRedisCache(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        return UseRedisCache(builder, options => options.Bind(section));
    }

    private static ICryptoIntelBuilder UseRedisBudget(ICryptoIntelBuilder builder, Action<OptionsBuilder<RedisBudgetOptions>> configureOptions)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        configureOptions(services.AddOptions<RedisBudgetOptions>().ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisBudgetOptions>, RedisBudgetOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisBudgetOptions>, RedisConnectionOptionsValidator>());

        // Whichever comes first, the sources' TryAdd of the in-process default or this call, Redis wins.
        services.RemoveAll<SourceRateLimiterFactory>();
        services.AddSingleton<SourceRateLimiterFactory, RedisRateLimiterFactory>();
        return builder;
    }

    private static ICryptoIntelBuilder UseRedisCache(ICryptoIntelBuilder builder, Action<OptionsBuilder<RedisSourceCacheOptions>> configureOptions)
    {
        var services = builder.Services;
        configureOptions(services.AddOptions<RedisSourceCacheOptions>().ValidateOnStart());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisSourceCacheOptions>, RedisSourceCacheOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisSourceCacheOptions>, RedisConnectionOptionsValidator>());
        services.AddHybridCache();
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IOptions<RedisSourceCacheOptions>>((target, source) =>
        {
            var options = source.Value;
            if (!string.IsNullOrWhiteSpace(options.Configuration))
            {
                target.ConfigurationOptions = RedisConnection.Options(options.Configuration);
            }

            target.InstanceName = options.InstanceName;
            if (options.ConnectionMultiplexerFactory is { } factory)
            {
                target.ConnectionMultiplexerFactory = () => Task.FromResult(factory());
            }
        });
        return builder;
    }
}
