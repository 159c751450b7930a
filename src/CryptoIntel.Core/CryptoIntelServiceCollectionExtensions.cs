using CryptoIntel;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds CryptoIntel to a service collection.</summary>
public static class CryptoIntelServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services every CryptoIntel package shares (a <see cref="TimeProvider"/>, unless one is registered)
    /// and returns a builder on which packages add themselves.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder, for chaining <c>Add*</c> calls.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static ICryptoIntelBuilder AddCryptoIntel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        return new CryptoIntelBuilder(services);
    }

    /// <summary>Adds CryptoIntel and lets <paramref name="configure"/> add packages to it.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds packages, e.g. <c>b =&gt; b.AddCoinGecko().AddDefiLlama()</c>.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IServiceCollection AddCryptoIntel(this IServiceCollection services, Action<ICryptoIntelBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(services.AddCryptoIntel());
        return services;
    }

    private sealed record CryptoIntelBuilder(IServiceCollection Services) : ICryptoIntelBuilder;
}
