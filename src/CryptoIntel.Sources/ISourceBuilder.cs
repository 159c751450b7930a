using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources;

/// <summary>
/// Returned by the <c>Add&lt;Provider&gt;</c> methods. It is an <see cref="ICryptoIntelBuilder"/>, so calls chain
/// (<c>.AddCoinGecko().AddDefiLlama()</c>), and exposes the provider's <see cref="IHttpClientBuilder"/> for
/// handlers of your own.
/// </summary>
public interface ISourceBuilder : ICryptoIntelBuilder
{
    /// <summary>Gets the provider name, e.g. <c>coingecko</c>.</summary>
    string Provider { get; }

    /// <summary>Gets the builder of the provider's named HTTP client, whose pipeline is: resilience, budget, API key, then any handler added here.</summary>
    IHttpClientBuilder HttpClient { get; }
}
