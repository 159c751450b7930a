using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel;

/// <summary>
/// Returned by <see cref="CryptoIntelServiceCollectionExtensions.AddCryptoIntel(IServiceCollection)"/>: the
/// CryptoIntel packages hang their <c>Add*</c> extension methods on it (<c>AddCoinGecko</c>, <c>AddSources</c>, ...).
/// </summary>
public interface ICryptoIntelBuilder
{
    /// <summary>Gets the service collection the packages register into.</summary>
    IServiceCollection Services { get; }
}
