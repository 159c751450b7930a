using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace CryptoIntel.Realtime.Internal;

/// <summary>Which lifetime manager and store the hub runs on: in memory, or Redis (set by <c>UseRedis</c>).</summary>
internal sealed class RealtimeBackplane(bool useRedis)
{
    public RealtimeBackplane()
        : this(false)
    {
    }

    public bool UseRedis { get; } = useRedis;

    public Type InnerLifetimeManager => UseRedis ? typeof(RedisHubLifetimeManager<SignalHub>) : typeof(DefaultHubLifetimeManager<SignalHub>);
}
