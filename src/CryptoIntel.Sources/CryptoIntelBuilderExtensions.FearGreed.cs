using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.FearGreed.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the Crypto Fear &amp; Greed Index (alternative.me) client (<see cref="FearGreedClient"/>) with its default settings (see <see cref="FearGreedClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddFearGreed(this ICryptoIntelBuilder builder) =>
        AddFearGreedCore(builder, _ => { });

    /// <summary>Adds the Crypto Fear &amp; Greed Index (alternative.me) client (<see cref="FearGreedClient"/>), configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddFearGreed(this ICryptoIntelBuilder builder, Action<FearGreedClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddFearGreedCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the Crypto Fear &amp; Greed Index (alternative.me) client (<see cref="FearGreedClient"/>), bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:FearGreed</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddFearGreed(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddFearGreedCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddFearGreedCore(ICryptoIntelBuilder builder, Action<Microsoft.Extensions.Options.OptionsBuilder<FearGreedClientOptions>> configureOptions)
    {
        var source = SourceRegistration.Add<FearGreedClient, FearGreedClientOptions, FearGreedClientOptionsValidator>(builder, FearGreedClient.ProviderName, configureOptions, caller => new FearGreedClient(caller));
        return source;
    }
}
