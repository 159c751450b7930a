using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.Binance;
using CryptoIntel.Sources.Binance.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the Binance Spot public market data client (<see cref="BinanceClient"/>) with its default settings (see <see cref="BinanceClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddBinance(this ICryptoIntelBuilder builder) =>
        AddBinanceCore(builder, _ => { });

    /// <summary>Adds the Binance Spot public market data client (<see cref="BinanceClient"/>), configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddBinance(this ICryptoIntelBuilder builder, Action<BinanceClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddBinanceCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the Binance Spot public market data client (<see cref="BinanceClient"/>), bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:Binance</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddBinance(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddBinanceCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddBinanceCore(ICryptoIntelBuilder builder, Action<Microsoft.Extensions.Options.OptionsBuilder<BinanceClientOptions>> configureOptions)
    {
        var source = SourceRegistration.Add<BinanceClient, BinanceClientOptions, BinanceClientOptionsValidator>(builder, BinanceClient.ProviderName, configureOptions, caller => new BinanceClient(caller));
        return source;
    }
}
