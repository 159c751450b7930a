using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// This node's connections and who subscribes to what. <see cref="Dispatch"/> queues a frame for the fan-out loop, which
/// hands it to every matching subscription's connection without waiting for any of them (a slow connection only fills its
/// own queue): an idle connection gets the frame written at once, on the fan-out thread; a busy one queues it.
/// </summary>
/// <remarks>
/// One fan-out loop per node takes the frames in dispatch order, so each topic's frames reach every connection in offset
/// order. Every <see cref="FanOutChunk"/> connections it yields to the thread pool: the socket sends of the connections
/// just written (queued before it) run first, on every core, while the loop goes on with the next chunk. That keeps the
/// fan-out and the sends overlapping without running far ahead of them, so the few buffers of each write are back in the
/// shared pool before the next chunk rents them (instead of 10,000 pipe buffers in flight becoming garbage and GC pauses).
/// A yield waits behind whatever else is queued: when the thread pool holds much more than one chunk's sends (a reconnect
/// storm, a burst of pings), the chunk doubles (up to <see cref="MaxFanOutChunk"/>) so the fan-out is not starved; it
/// shrinks back when the queue drains. (Queue length, not the time a yield takes: on a machine shared with other
/// processes yields are slow without any other work in this pool, and larger chunks then only mean more garbage.)
/// <para>
/// The fan-out queue is bounded (<see cref="RealtimeOptions.FanOutQueueCapacity"/> frames): a publisher that outruns the
/// fan-out drops the oldest waiting frames instead of growing memory. Nothing is lost by that: every frame is in its topic's
/// history before it is dispatched, and the loop checks that each topic's offsets arrive without holes (a hole is a
/// dropped frame, or a backplane message this node never heard); on a hole the loop reads the missing frames from history
/// once for the node and fans them out, in order, before any later frame (<see cref="CatchUpAsync"/>).
/// </para>
/// </remarks>
internal sealed class Dispatcher : IDisposable
{
    /// <summary>Connections written between two yields of the fan-out loop, when yielding is cheap.</summary>
    internal const int FanOutChunk = 32;

    /// <summary>The most connections written between two yields, when the thread pool is busy with other work.</summary>
    internal const int MaxFanOutChunk = 256;

    /// <summary>Thread-pool queue length above which the fan-out yields less often (much more than one chunk's sends).</summary>
    private const int BusyQueue = 8 * FanOutChunk;

    private readonly ConcurrentDictionary<string, ConnectionState> _connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _topics = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;
    private readonly RealtimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Channel<Frame> _fanOut;
    private readonly ConcurrentQueue<string> _catchUps = new();

    /// <summary>The epoch and offset of the last frame fanned out, per topic with subscribers (fan-out loop only).</summary>
    private readonly Dictionary<string, (string Epoch, long Offset)> _fannedOut = new(StringComparer.Ordinal);
    private ConnectionServices? _connectionServices;
    private long _overflows;
    private int _chunk = FanOutChunk;
    private int _sinceYield;

    public Dispatcher(IServiceProvider services, RealtimeMetrics metrics, ILogger<Dispatcher> logger)
    {
        _services = services;
        _metrics = metrics;
        _logger = logger;
        var capacity = services.GetRequiredService<IOptions<RealtimeOptions>>().Value.FanOutQueueCapacity;
        _fanOut = Channel.CreateBounded<Frame>(
            new BoundedChannelOptions(Math.Max(1, capacity)) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
            OnOverflow);
        _ = Task.Run(FanOutAsync);
    }

    public int ConnectionCount => _connections.Count;

    /// <summary>Gets how many frames the full fan-out queue dropped (read back from history and fanned out in order).</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    private ConnectionServices ConnectionServices => _connectionServices ??= new ConnectionServices(
        _services.GetRequiredService<IOptions<RealtimeOptions>>().Value, _metrics, _logger, _services.GetRequiredService<ITopicStore>());

    public ConnectionState? Find(string connectionId) => _connections.GetValueOrDefault(connectionId);

    public void Add(HubConnectionContext context)
    {
        var state = new ConnectionState(context, ConnectionServices);
        _connections[context.ConnectionId] = state;
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

    /// <summary>Queues a frame for every subscription of its topic that wants it. Called in offset order per topic.</summary>
    public void Dispatch(Frame frame)
    {
        _metrics.Published(1);
        _fanOut.Writer.TryWrite(frame);
    }

    public void Dispose() => _fanOut.Writer.TryComplete();

    private async Task FanOutAsync()
    {
        var reader = _fanOut.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var frame))
            {
                if (!_catchUps.IsEmpty)
                {
                    // A dropped frame may have been its topic's last for a while, and a backplane outage may have hidden a
                    // topic's last frames: catch up now, not at the topic's next frame.
                    await CatchUpQueuedAsync().ConfigureAwait(false);
                }

                if (ReferenceEquals(frame, Frame.Wake) || !_topics.TryGetValue(frame.Topic, out var subscribers))
                {
                    continue;
                }

                try
                {
                    if (_fannedOut.TryGetValue(frame.Topic, out var last) && string.Equals(last.Epoch, frame.Epoch, StringComparison.Ordinal)
                        && frame.Offset > last.Offset + 1)
                    {
                        Log.FanOutGap(_logger, frame.Topic, last.Offset + 1, frame.Offset - 1);
                        await CatchUpAsync(frame.Topic, frame.Offset - 1).ConfigureAwait(false);
                    }

                    Advance(frame);
                    await SendAsync(frame, subscribers).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // One bad frame never stops the loop (clients that missed it see the offset jump; resume recovers it).
                    Log.FanOutFailed(_logger, frame.Topic, frame.Offset, ex);
                }
            }
        }
    }

    /// <summary>Catches up each queued topic once, however many overflows queued it (fan-out loop only).</summary>
    private async ValueTask CatchUpQueuedAsync()
    {
        var topics = new HashSet<string>(StringComparer.Ordinal);
        while (_catchUps.TryDequeue(out var topic))
        {
            topics.Add(topic);
        }

        foreach (var topic in topics)
        {
            try
            {
                await CatchUpAsync(topic, long.MaxValue).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // As for a live frame, a failure never stops the loop: the topic's subscriptions recover on their own.
                Log.CatchUpFailed(_logger, topic, ex);
                MarkGapped(topic);
            }
        }
    }

    /// <summary>Hands a frame to every subscription of its topic that wants it (fan-out loop only).</summary>
    private async ValueTask SendAsync(Frame frame, ConcurrentDictionary<Subscription, byte> subscribers)
    {
        foreach (var (subscription, _) in subscribers)
        {
            if (frame.Offset <= subscription.LastQueued)
            {
                continue;
            }

            // A filtered subscription that skipped half a history of offsets is sent a position notice instead.
            var send = !subscription.HasFilter || subscription.Matches(frame.Signal) ? frame
                : frame.Offset - subscription.LastQueued >= subscription.PositionInterval ? frame.Position
                : null;
            if (send is not null)
            {
                var previous = subscription.LastQueued;
                subscription.LastQueued = frame.Offset;
                subscription.Connection.Enqueue(subscription, send, previous);
                if (++_sinceYield >= _chunk)
                {
                    // A yield waits behind everything queued: with much more queued than our own sends, write more
                    // connections per yield so other work cannot starve the fan-out; shrink back when it drains.
                    _sinceYield = 0;
                    _chunk = ThreadPool.PendingWorkItemCount > BusyQueue ? Math.Min(_chunk * 2, MaxFanOutChunk) : Math.Max(_chunk / 2, FanOutChunk);
                    await Task.Yield();
                }
            }
        }
    }

    /// <summary>
    /// Reads once what this node has not fanned out of a topic (up to offset <paramref name="until"/>) from its history and
    /// fans it out in order, as if it had arrived: one history read for the node instead of one per subscription. When the
    /// history no longer holds all of it (or the topic's epoch changed), each subscription recovers on its own instead
    /// (and learns of the gap). Fan-out loop only.
    /// </summary>
    private async ValueTask CatchUpAsync(string topic, long until)
    {
        if (!_topics.TryGetValue(topic, out var subscribers) || subscribers.IsEmpty)
        {
            return;
        }

        string? epoch = null;
        long after;
        if (_fannedOut.TryGetValue(topic, out var last))
        {
            (epoch, after) = last;
        }
        else
        {
            // Nothing fanned out of this topic yet on this node: from where its furthest-behind subscription stands.
            after = long.MaxValue;
            foreach (var (subscription, _) in subscribers)
            {
                after = Math.Min(after, subscription.LastQueued);
            }
        }

        var max = (int)Math.Min(ConnectionServices.Options.HistoryPerTopic, until - after);
        if (max <= 0)
        {
            return;
        }

        HistoryRead read;
        try
        {
            read = await ConnectionServices.Store.ReadAsync(topic, after, max, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The history is unreachable (Redis down again): each subscription recovers on its own, retrying as it does.
            Log.CatchUpFailed(_logger, topic, ex);
            MarkGapped(topic);
            return;
        }

        var frames = read.Frames;
        var complete = (epoch is null || string.Equals(epoch, read.Position.Epoch, StringComparison.Ordinal))
            && (frames.Count == 0 ? read.Position.Offset <= after : frames[0].Offset == after + 1);
        _metrics.CaughtUp(frames.Count);
        if (!complete)
        {
            MarkGapped(topic);
        }

        foreach (var frame in frames)
        {
            if (frame.Offset > until)
            {
                break;
            }

            Advance(frame);
            if (complete)
            {
                await SendAsync(frame, subscribers).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Records a frame as the last fanned out of its topic, unless a later one of the same epoch already was.</summary>
    private void Advance(Frame frame)
    {
        if (!_fannedOut.TryGetValue(frame.Topic, out var last) || !string.Equals(last.Epoch, frame.Epoch, StringComparison.Ordinal) || frame.Offset > last.Offset)
        {
            _fannedOut[frame.Topic] = (frame.Epoch, frame.Offset);
        }
    }

    private void OnOverflow(Frame frame)
    {
        if (ReferenceEquals(frame, Frame.Wake))
        {
            return;
        }

        Interlocked.Increment(ref _overflows);
        _metrics.FanOutOverflow();
        Log.FanOutOverflow(_logger, frame.Topic, frame.Offset);
        _catchUps.Enqueue(frame.Topic);
    }

    /// <summary>
    /// Has the fan-out loop catch up every topic with subscribers on this node from its history (after a backplane outage,
    /// whose messages never reached this node).
    /// </summary>
    public void CatchUpAll()
    {
        foreach (var topic in _topics.Keys)
        {
            _catchUps.Enqueue(topic);
        }

        // Wakes the loop if it is waiting for frames.
        _fanOut.Writer.TryWrite(Frame.Wake);
    }

    private void MarkGapped(string topic)
    {
        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var (subscription, _) in subscribers)
            {
                subscription.Connection.MarkGap(subscription);
            }
        }
    }
}
