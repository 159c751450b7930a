using CryptoIntel;
using CryptoIntel.Demo;
using CryptoIntel.Sources;
using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.News;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the demo market simulator to the CryptoIntel builder.</summary>
public static class CryptoIntelBuilderDemoExtensions
{
    /// <summary>
    /// Answers every source (registered before or after this call) from a simulated market instead of the network:
    /// the primary handler of each source's HTTP client becomes a <see cref="DemoMarketHandler"/>, and the sources'
    /// caches, budgets and quota files are turned off so each call sees the market move. Uses the
    /// <see cref="TimeProvider"/> in the container.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ICryptoIntelBuilder AddDemoMarket(this ICryptoIntelBuilder builder) => builder.AddDemoMarket(_ => { });

    /// <summary>Answers every source from a simulated market configured by <paramref name="configure"/>; see <see cref="AddDemoMarket(ICryptoIntelBuilder)"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (e.g. <c>o =&gt; o.Accelerate()</c>).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICryptoIntelBuilder AddDemoMarket(this ICryptoIntelBuilder builder, Action<DemoMarketOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Add(builder, o => o.Configure(configure));
    }

    /// <summary>Answers every source from a simulated market bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Demo</c>); see <see cref="AddDemoMarket(ICryptoIntelBuilder)"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ICryptoIntelBuilder AddDemoMarket(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return Add(builder, o => o.Bind(section));
    }

    private static ICryptoIntelBuilder Add(ICryptoIntelBuilder builder, Action<OptionsBuilder<DemoMarketOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        configure(services.AddOptions<DemoMarketOptions>().ValidateDataAnnotations().ValidateOnStart());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new MarketSimulator(sp.GetRequiredService<IOptions<DemoMarketOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        foreach (var provider in DemoMarketHandler.Providers)
        {
            // PostConfigure runs after every Configure, so this primary handler wins over the live/replay one whatever the order of registration.
            services.AddOptions<HttpClientFactoryOptions>("CryptoIntel.Sources." + provider)
                .PostConfigure<IServiceProvider>((options, sp) => options.HttpMessageHandlerBuilderActions.Add(handlers =>
                    handlers.PrimaryHandler = new DemoMarketHandler(sp.GetRequiredService<MarketSimulator>(), provider)));
        }

        services.PostConfigure<SourcesOptions>(o =>
        {
            o.ReplayDirectory = null;
            o.RecordDirectory = null;
            o.QuotaStateDirectory = null; // a simulated market spends no real quota
        });
        Unlimited<CoinGeckoClientOptions>(services);
        Unlimited<CoinMarketCapClientOptions>(services);
        Unlimited<DefiLlamaClientOptions>(services);
        Unlimited<KrakenClientOptions>(services);
        Unlimited<CryptoPanicClientOptions>(services);
        Unlimited<NewsFeedClientOptions>(services);
        Unlimited<FearGreedClientOptions>(services);
        Unlimited<BinanceClientOptions>(services);
        Unlimited<GeckoTerminalClientOptions>(services);
        return builder;
    }

    private static void Unlimited<TOptions>(IServiceCollection services)
        where TOptions : SourceClientOptions =>
        services.PostConfigure<TOptions>(o =>
        {
            o.RequestsPerMinute = 0;
            o.MonthlyQuota = 0;
            o.DefaultCacheDuration = TimeSpan.Zero;
            o.CacheDurations.Clear();
            o.RetryDelay = TimeSpan.FromMilliseconds(100);
        });
}
