using CryptoIntel;
using CryptoIntel.Sources;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.DefiLlama.Internal;
using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static partial class CryptoIntelBuilderExtensions
{
    /// <summary>Adds the DeFi Llama client with its default settings (see <see cref="DefiLlamaClientOptions"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    public static ISourceBuilder AddDefiLlama(this ICryptoIntelBuilder builder) =>
        AddDefiLlamaCore(builder, _ => { });

    /// <summary>Adds the DeFi Llama client, configured by <paramref name="configure"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (<see cref="DefiLlamaClientOptions"/>).</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ISourceBuilder AddDefiLlama(this ICryptoIntelBuilder builder, Action<DefiLlamaClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddDefiLlamaCore(builder, o => o.Configure(configure));
    }

    /// <summary>Adds the DeFi Llama client, bound to <paramref name="section"/> (e.g. <c>CryptoIntel:Sources:DefiLlama</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="section">The configuration section (<see cref="DefiLlamaClientOptions"/>).</param>
    /// <returns>The source builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="section"/> is null.</exception>
    public static ISourceBuilder AddDefiLlama(this ICryptoIntelBuilder builder, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return AddDefiLlamaCore(builder, o => o.Bind(section));
    }

    private static ISourceBuilder AddDefiLlamaCore(ICryptoIntelBuilder builder, Action<OptionsBuilder<DefiLlamaClientOptions>> configure)
    {
        var source = SourceRegistration.Add<DefiLlamaClient, DefiLlamaClientOptions, DefiLlamaClientOptionsValidator>(
            builder, DefiLlamaClient.ProviderName, configure, caller => new DefiLlamaClient(caller));

        // The Pro API takes its key as the first path segment. The handler that puts it there is the innermost one,
        // after the recorder, so recordings, logs and exception messages only ever see the key-less path.
        // For the same reason the HTTP client factory's request logging (which logs URLs after that handler) is removed.
        source.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DefiLlamaClientOptions>, DefiLlamaClientOptionsHostsValidator>());
        if (!source.Services.Any(d => d.ServiceType == typeof(DefiLlamaProKeyHandler)))
        {
            source.Services.TryAddTransient<DefiLlamaProKeyHandler>();
            source.HttpClient.AddHttpMessageHandler<DefiLlamaProKeyHandler>();
            source.HttpClient.RemoveAllLoggers();
        }

        return source;
    }
}
