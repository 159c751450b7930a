using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.CoinMarketCap.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the CoinMarketCap client with its default settings (see <see cref="CoinMarketCapClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddCoinMarketCap(this ICryptoIntelBuilder builder) =>
        AddCoinMarketCapCore(builder, _ => { });

    /// <summary>Adds the CoinMarketCap client, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (<see cref="CoinMarketCapClientOptions"/>).</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddCoinMarketCap(this ICryptoIntelBuilder builder, Action<CoinMarketCapClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCoinMarketCapCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the CoinMarketCap client, bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:CoinMarketCap</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section (<see cref="CoinMarketCapClientOptions"/>).</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddCoinMarketCap(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddCoinMarketCapCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddCoinMarketCapCore(ICryptoIntelBuilder builder, Action<OptionsBuilder<CoinMarketCapClientOptions>> configure) =>
        SourceRegistration.Add<CoinMarketCapClient, CoinMarketCapClientOptions, CoinMarketCapClientOptionsValidator>(
            builder, CoinMarketCapClient.ProviderName, configure, caller => new CoinMarketCapClient(caller));
}
