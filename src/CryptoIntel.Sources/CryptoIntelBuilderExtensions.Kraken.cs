using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.Kraken.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the Kraken public market data client with its default settings (see <see cref="KrakenClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddKraken(this ICryptoIntelBuilder builder) =>
        AddKrakenCore(builder, _ => { });

    /// <summary>Adds the Kraken public market data client, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (<see cref="KrakenClientOptions"/>).</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddKraken(this ICryptoIntelBuilder builder, Action<KrakenClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddKrakenCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the Kraken public market data client, bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:Kraken</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section (<see cref="KrakenClientOptions"/>).</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddKraken(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddKrakenCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddKrakenCore(ICryptoIntelBuilder builder, Action<OptionsBuilder<KrakenClientOptions>> configure) =>
        SourceRegistration.Add<KrakenClient, KrakenClientOptions, KrakenClientOptionsValidator>(
            builder, KrakenClient.ProviderName, configure, caller => new KrakenClient(caller));
}
