using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Realtime;

/// <summary>Returned by <c>AddRealtime()</c>: configures the realtime hub further (e.g. <c>UseRedis(...)</c>).</summary>
public interface IRealtimeBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }
}
