using CryptoIntel;
using CryptoIntel.Realtime;
using CryptoIntel.Realtime.Internal;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CryptoIntel.Realtime to an <see cref="ICryptoIntelBuilder"/>.</summary>
public static class CryptoIntelBuilderRealtimeExtensions
{
    /// <summary>The configuration section the realtime options bind from by convention.</summary>
    public const string RealtimeSectionName = "CryptoIntel:Realtime";

    /// <summary>
    /// Adds the realtime hub: SignalR, the topic dispatcher, the in-memory topic history, and an <see cref="ISignalPublisher"/>
    /// the pipeline calls; <see cref="RealtimeOptions"/> are validated at start-up. Map the hub with
    /// <c>app.MapCryptoIntelHub("/hubs/signals")</c>; scale out with <see cref="UseRedis(IRealtimeBuilder, string)"/>.
    /// </summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <returns>A realtime builder, for <c>UseRedis</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static IRealtimeBuilder AddRealtime(this ICryptoIntelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        // AddHubOptions marks the hub's options as its own (SignalR otherwise ignores them); ConfigureSignalHubOptions sets them.
        services.AddSignalR().AddHubOptions<SignalHub>(_ => { });
        services.AddOptionsWithValidateOnStart<RealtimeOptions, RealtimeOptionsValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RealtimeOptions>, RealtimeOptionsCustomValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<HubOptions<SignalHub>>, ConfigureSignalHubOptions>());
        services.TryAddSingleton<RealtimeMetrics>();
        services.TryAddSingleton<TopicRouter>();
        services.TryAddSingleton<Dispatcher>();
        services.TryAddSingleton<HubGate>();
        services.TryAddSingleton<RealtimeBackplane>();
        services.TryAddSingleton<ITopicStore>(sp => sp.GetRequiredService<RealtimeBackplane>().UseRedis
            ? sp.GetRequiredService<RedisTopicStore>()
            : ActivatorUtilities.CreateInstance<MemoryTopicStore>(sp));
        services.TryAddSingleton<ISignalPublisher, SignalHubPublisher>();
        services.TryAddSingleton<HubLifetimeManager<SignalHub>>(sp => new RealtimeHubLifetimeManager(
            (HubLifetimeManager<SignalHub>)ActivatorUtilities.CreateInstance(sp, sp.GetRequiredService<RealtimeBackplane>().InnerLifetimeManager),
            sp.GetRequiredService<Dispatcher>()));
        return new RealtimeBuilder(services);
    }

    /// <summary>Adds the realtime hub, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A realtime builder, for <c>UseRedis</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IRealtimeBuilder AddRealtime(this ICryptoIntelBuilder builder, Action<RealtimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var realtime = builder.AddRealtime();
        builder.Services.Configure(configure);
        return realtime;
    }

    /// <summary>Adds the realtime hub, bound to a configuration section (conventionally <see cref="RealtimeSectionName"/>).</summary>
    /// <param name="builder">The CryptoIntel builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>A realtime builder, for <c>UseRedis</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static IRealtimeBuilder AddRealtime(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        var realtime = builder.AddRealtime();
        builder.Services.Configure<RealtimeOptions>(section);
        return realtime;
    }

    /// <summary>
    /// Scales the hub out over Redis: SignalR's Redis backplane, the topic history in Redis Streams (so resume works on any
    /// node and across restarts), and signal delivery to every node over a Redis channel, in offset order.
    /// </summary>
    /// <param name="builder">The realtime builder.</param>
    /// <param name="configuration">The StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="configuration"/> is null or white space.</exception>
    public static IRealtimeBuilder UseRedis(this IRealtimeBuilder builder, string configuration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        return builder.UseRedis(o => o.Configuration = configuration);
    }

    /// <summary>Scales the hub out over Redis, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The realtime builder.</param>
    /// <param name="configure">Configures the Redis options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IRealtimeBuilder UseRedis(this IRealtimeBuilder builder, Action<RealtimeRedisOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptionsWithValidateOnStart<RealtimeRedisOptions, RealtimeRedisOptionsValidator>().Configure(configure);
        services.Replace(ServiceDescriptor.Singleton(new RealtimeBackplane(true)));
        services.TryAddSingleton<RedisTopicStore>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisTopicStore>());
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
            .Configure<IOptions<RealtimeRedisOptions>>((redis, realtime) =>
            {
                redis.Configuration = StackExchange.Redis.ConfigurationOptions.Parse(realtime.Value.Configuration);
                redis.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal(realtime.Value.KeyPrefix + "signalr:");
            });
        return builder;
    }

    /// <summary>
    /// Scales the hub out over Redis, bound from a configuration section, e.g. <c>CryptoIntel:Realtime:Redis</c>: either
    /// the section's own value is the configuration string (<c>"Redis": "127.0.0.1:6379"</c>), or its children bind
    /// <see cref="RealtimeRedisOptions"/> (<c>Configuration</c>, <c>KeyPrefix</c>, <c>DeduplicationWindow</c>); when both
    /// are given, the children win.
    /// </summary>
    /// <param name="builder">The realtime builder.</param>
    /// <param name="section">The section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static IRealtimeBuilder UseRedis(this IRealtimeBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.UseRedis(o =>
        {
            if (section.Value is { Length: > 0 } value)
            {
                o.Configuration = value;
            }
        });
        builder.Services.Configure<RealtimeRedisOptions>(section);
        return builder;
    }

    private sealed record RealtimeBuilder(IServiceCollection Services) : IRealtimeBuilder;
}
