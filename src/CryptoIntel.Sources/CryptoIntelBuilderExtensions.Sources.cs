using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.CoinGecko.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the CryptoIntel source clients to the CryptoIntel builder.</summary>
public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Sets what all sources share: recording, replay, and where monthly quota counters are saved.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder ConfigureSources(this ICryptoIntelBuilder builder, Action<SourcesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<SourcesOptions>().Configure(configure);
        return builder;
    }

    /// <summary>
    /// Adds every source from configuration: one subsection per provider under <paramref name="section"/>
    /// (<c>CoinGecko</c>, <c>CoinMarketCap</c>, <c>DefiLlama</c>, <c>Kraken</c>, <c>CryptoPanic</c>, <c>News</c>,
    /// <c>FearGreed</c>, <c>Binance</c>, <c>GeckoTerminal</c>), each with the same keys (<c>BaseAddress</c>,
    /// <c>ApiKey</c>, <c>Plan</c>, <c>Enabled</c>, ...). A source whose <c>Enabled</c> is <c>false</c> is not
    /// registered; a missing subsection means the provider's defaults. The section's own keys bind
    /// <see cref="SourcesOptions"/> (<c>RecordDirectory</c>, <c>ReplayDirectory</c>, <c>QuotaStateDirectory</c>).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The section, usually <c>CryptoIntel:Sources</c>.</param>
    /// <returns>The providers that were added, by name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static IReadOnlyList<string> AddSources(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Services.AddOptions<SourcesOptions>().Bind(section);
        var added = new List<string>();
        void Add(string name, Func<IConfigurationSection, ISourceBuilder> add)
        {
            var provider = section.GetSection(name);
            if (!string.Equals(provider["Enabled"], "false", StringComparison.OrdinalIgnoreCase))
            {
                added.Add(add(provider).Provider);
            }
        }

        Add("CoinGecko", builder.AddCoinGecko);
        Add("CoinMarketCap", builder.AddCoinMarketCap);
        Add("DefiLlama", builder.AddDefiLlama);
        Add("Kraken", builder.AddKraken);
        Add("CryptoPanic", builder.AddCryptoPanic);
        Add("News", builder.AddNewsFeeds);
        Add("FearGreed", builder.AddFearGreed);
        Add("Binance", builder.AddBinance);
        Add("GeckoTerminal", builder.AddGeckoTerminal);
        return added;
    }

    /// <summary>
    /// Pre-warms hot keys: runs <paramref name="call"/> once at start-up (in the background) and then every
    /// <paramref name="every"/>, so that the answers are in the cache before users ask for them. Choose
    /// <paramref name="every"/> no shorter than the operation's cache duration: each run that finds the entry expired
    /// spends budget. Needs a host (the call runs from an <c>IHostedService</c>).
    /// </summary>
    /// <typeparam name="TClient">The client, e.g. <c>CoinGeckoClient</c>.</typeparam>
    /// <param name="builder">The source builder returned by <c>Add&lt;Provider&gt;</c>.</param>
    /// <param name="call">The calls to make, e.g. <c>(c, ct) =&gt; c.GetMarketsAsync(null, ct)</c>.</param>
    /// <param name="every">How often to run it.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="call"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="every"/> is not positive.</exception>
    public static ISourceBuilder WithWarmup<TClient>(this ISourceBuilder builder, Func<TClient, CancellationToken, Task> call, TimeSpan every)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(every, TimeSpan.Zero);
        builder.Services.AddSingleton(new SourceWarmup(builder.Provider, (sp, ct) => call(sp.GetRequiredService<TClient>(), ct), every));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, SourceWarmupService>());
        return builder;
    }

    /// <summary>Adds the CoinGecko client with the Demo (free) plan's defaults.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddCoinGecko(this ICryptoIntelBuilder builder) =>
        SourceRegistration.Add<CoinGeckoClient, CoinGeckoClientOptions, CoinGeckoClientOptionsValidator>(builder, CoinGeckoClient.ProviderName, _ => { }, caller => new CoinGeckoClient(caller));

    /// <summary>Adds the CoinGecko client, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddCoinGecko(this ICryptoIntelBuilder builder, Action<CoinGeckoClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return SourceRegistration.Add<CoinGeckoClient, CoinGeckoClientOptions, CoinGeckoClientOptionsValidator>(builder, CoinGeckoClient.ProviderName, o => o.Configure(configure), caller => new CoinGeckoClient(caller));
    }

    /// <summary>Adds the CoinGecko client, bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:CoinGecko</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddCoinGecko(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return SourceRegistration.Add<CoinGeckoClient, CoinGeckoClientOptions, CoinGeckoClientOptionsValidator>(builder, CoinGeckoClient.ProviderName, o => o.Bind(section), caller => new CoinGeckoClient(caller));
    }
}
