using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.CryptoPanic;
using CryptoIntel.Sources.CryptoPanic.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the CryptoPanic news client (<see cref="CryptoPanicClient"/>) with its default settings (see <see cref="CryptoPanicClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddCryptoPanic(this ICryptoIntelBuilder builder) =>
        AddCryptoPanicCore(builder, _ => { });

    /// <summary>Adds the CryptoPanic news client (<see cref="CryptoPanicClient"/>), configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddCryptoPanic(this ICryptoIntelBuilder builder, Action<CryptoPanicClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddCryptoPanicCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the CryptoPanic news client (<see cref="CryptoPanicClient"/>), bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:CryptoPanic</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddCryptoPanic(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddCryptoPanicCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddCryptoPanicCore(ICryptoIntelBuilder builder, Action<Microsoft.Extensions.Options.OptionsBuilder<CryptoPanicClientOptions>> configureOptions)
    {
        var source = SourceRegistration.Add<CryptoPanicClient, CryptoPanicClientOptions, CryptoPanicClientOptionsValidator>(builder, CryptoPanicClient.ProviderName, configureOptions, caller => new CryptoPanicClient(caller));
        return source;
    }
}
