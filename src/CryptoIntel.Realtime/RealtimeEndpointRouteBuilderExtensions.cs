using CryptoIntel.Realtime.Internal;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the CryptoIntel realtime hub.</summary>
public static class RealtimeEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the signal hub at <paramref name="pattern"/> (conventionally <c>/hubs/signals</c>), behind the connection cap
    /// and authentication of <see cref="CryptoIntel.Realtime.RealtimeOptions"/>. Requires <c>AddRealtime()</c>.
    /// </summary>
    /// <param name="endpoints">The endpoint route builder.</param>
    /// <param name="pattern">The route pattern.</param>
    /// <returns>The hub's convention builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is null or white space.</exception>
    public static HubEndpointConventionBuilder MapCryptoIntelHub(this IEndpointRouteBuilder endpoints, string pattern = "/hubs/signals")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var services = endpoints.ServiceProvider;
        var options = services.GetRequiredService<IOptions<CryptoIntel.Realtime.RealtimeOptions>>().Value;
        var gate = services.GetRequiredService<HubGate>();
        var hub = endpoints.MapHub<SignalHub>(pattern, connection =>
        {
            connection.AllowStatefulReconnects = options.AllowStatefulReconnect;
            connection.CloseOnAuthenticationExpiration = true;
            connection.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;
        });
        hub.Add(endpoint =>
        {
            var next = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context => gate.InvokeAsync(context, next);
        });
        return hub;
    }
}
