using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// This node's connections and who subscribes to what. <see cref="Dispatch"/> hands a frame to every matching
/// subscription's connection queue without waiting for any of them: a slow connection only fills its own queue.
/// </summary>
internal sealed class Dispatcher
{
    private readonly ConcurrentDictionary<string, ConnectionState> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _topics = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly RealtimeMetrics _metrics;
    private readonly ILogger _logger;
    private ConnectionServices? _connectionServices;

    public Dispatcher(IServiceProvider services, RealtimeMetrics metrics, ILogger<Dispatcher> logger)
    {
        _services = services;
        _metrics = metrics;
        _logger = logger;
    }

    public int ConnectionCount => _connections.Count;

    private ConnectionServices ConnectionServices => _connectionServices ??= new ConnectionServices(
        _services.GetRequiredService<IOptions<RealtimeOptions>>().Value, _metrics, _logger, _services.GetRequiredService<ITopicStore>());

    public ConnectionState? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public void Add(HubConnectionContext context)
    {
        var state = new ConnectionState(context, ConnectionServices);
        _connections[context.ConnectionId] = state;
        state.Start();
        _metrics.Connected();
        Log.ConnectionOpened(_logger, context.ConnectionId, context.UserIdentifier ?? context.User?.Identity?.Name);
    }

    public async Task RemoveAsync(HubConnectionContext context)
    {
        if (!_connections.TryRemove(context.ConnectionId, out var state))
        {
            return;
        }

        var subscriptions = state.TakeAll();
        foreach (var subscription in subscriptions)
        {
            Unregister(subscription);
        }

        _metrics.Unsubscribed(subscriptions.Count);
        _metrics.Disconnected();
        await state.StopAsync().ConfigureAwait(false);
        Log.ConnectionClosed(_logger, context.ConnectionId);
    }

    public void Register(Subscription subscription)
        => _topics.GetOrAdd(subscription.Topic, static _ => new ConcurrentDictionary<Subscription, byte>())[subscription] = 0;

    public void Unregister(Subscription subscription)
    {
        if (_topics.TryGetValue(subscription.Topic, out var subscribers))
        {
            subscribers.TryRemove(subscription, out _);
        }
    }

    /// <summary>Queues a frame on every subscription of its topic that wants it. Called in offset order per topic.</summary>
    public void Dispatch(Frame frame)
    {
        _metrics.Published(1);
        if (!_topics.TryGetValue(frame.Topic, out var subscribers))
        {
            return;
        }

        foreach (var (subscription, _) in subscribers)
        {
            if (frame.Offset > subscription.LastQueued && (!subscription.HasFilter || subscription.Matches(frame.Signal)))
            {
                var previous = subscription.LastQueued;
                subscription.LastQueued = frame.Offset;
                subscription.Connection.Enqueue(subscription, frame, previous);
            }
        }
    }
}
