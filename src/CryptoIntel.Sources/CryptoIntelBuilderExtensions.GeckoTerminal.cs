using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.GeckoTerminal;
using CryptoIntel.Sources.GeckoTerminal.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the GeckoTerminal DEX data client (<see cref="GeckoTerminalClient"/>) with its default settings (see <see cref="GeckoTerminalClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddGeckoTerminal(this ICryptoIntelBuilder builder) =>
        AddGeckoTerminalCore(builder, _ => { });

    /// <summary>Adds the GeckoTerminal DEX data client (<see cref="GeckoTerminalClient"/>), configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddGeckoTerminal(this ICryptoIntelBuilder builder, Action<GeckoTerminalClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddGeckoTerminalCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the GeckoTerminal DEX data client (<see cref="GeckoTerminalClient"/>), bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:GeckoTerminal</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddGeckoTerminal(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddGeckoTerminalCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddGeckoTerminalCore(ICryptoIntelBuilder builder, Action<Microsoft.Extensions.Options.OptionsBuilder<GeckoTerminalClientOptions>> configureOptions)
    {
        var source = SourceRegistration.Add<GeckoTerminalClient, GeckoTerminalClientOptions, GeckoTerminalClientOptionsValidator>(builder, GeckoTerminalClient.ProviderName, configureOptions, caller => new GeckoTerminalClient(caller));
        source.HttpClient.ConfigureHttpClient(client =>
        {
            // Pins the response version of the v2 API (the versioned Accept header).
            client.DefaultRequestHeaders.Accept.Clear();
            client.DefaultRequestHeaders.Accept.ParseAdd(GeckoTerminalClient.AcceptHeader);
        });
        return source;
    }
}
