using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// One hub connection: its subscriptions, a bounded queue of (subscription, frame) pairs filled by the dispatcher, and a
/// send loop that drains the queue into the SignalR connection. Frames are shared, so a queued message costs a reference;
/// several queued frames are written with one write and one flush.
/// </summary>
internal sealed class ConnectionState : IDisposable
{
    private const int MaxBatch = 64;

    private readonly HubConnectionContext _context;
    private readonly ConnectionServices _services;
    private readonly Channel<Item> _queue;
    private readonly ConcurrentQueue<Replay> _replays = new();
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly bool _coalesce;
    private readonly int _pendingLimit;
    private readonly List<GapNotice> _notices = [];
    private volatile bool _anyGap;
    private Task _loop = Task.CompletedTask;

    public ConnectionState(HubConnectionContext context, ConnectionServices services)
    {
        _context = context;
        _services = services;
        var capacity = services.Options.ConnectionBufferSize;
        _pendingLimit = Math.Max(capacity, services.Options.HistoryPerTopic);

        // Stateful reconnect numbers every written message: writing several frames as one would break its acks.
        _coalesce = !context.Features.Any(f => f.Key.Name == "IStatefulReconnectFeature");
        _queue = Channel.CreateBounded<Item>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false },
            OnDropped);
    }

    public string ConnectionId => _context.ConnectionId;

    public int SubscriptionCount
    {
        get
        {
            lock (_subscriptions)
            {
                return _subscriptions.Count;
            }
        }
    }

    public void Start() => _loop = Task.Run(RunAsync);

    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Dispose();
    }

    public void Dispose() => _stopping.Dispose();

    public void Abort() => _context.Abort();

    /// <summary>Adds or replaces the subscription of a topic; returns the replaced one, or null. Throws when the cap is reached.</summary>
    public Subscription? Put(Subscription subscription, int max)
    {
        lock (_subscriptions)
        {
            _subscriptions.TryGetValue(subscription.Topic, out var previous);
            if (previous is null && _subscriptions.Count >= max)
            {
                throw new HubException($"Subscription limit reached: a connection may subscribe to at most {max} topics.");
            }

            _subscriptions[subscription.Topic] = subscription;
            previous?.Remove();
            return previous;
        }
    }

    public Subscription? Take(string topic)
    {
        lock (_subscriptions)
        {
            if (_subscriptions.Remove(topic, out var subscription))
            {
                subscription.Remove();
                return subscription;
            }

            return null;
        }
    }

    public List<Subscription> TakeAll()
    {
        lock (_subscriptions)
        {
            var all = _subscriptions.Values.ToList();
            _subscriptions.Clear();
            all.ForEach(s => s.Remove());
            return all;
        }
    }

    /// <summary>Queues a live frame (called by the dispatcher, on the publishing thread).</summary>
    public void Enqueue(Subscription subscription, Frame frame, long previousQueued) => _queue.Writer.TryWrite(new Item(subscription, frame, previousQueued));

    /// <summary>Queues the history a resuming subscription asked for; the send loop writes it before the live frames.</summary>
    public void EnqueueReplay(Subscription subscription, IReadOnlyList<Frame> frames, GapNotice? gap)
    {
        _replays.Enqueue(new Replay(subscription, frames, gap));
        _queue.Writer.TryWrite(default);
    }

    private void OnDropped(Item item)
    {
        if (item.Subscription is null)
        {
            return;
        }

        _services.Metrics.Dropped();
        if (_services.Options.SlowConsumerPolicy == SlowConsumerPolicy.Disconnect)
        {
            if (item.Subscription.MarkGap())
            {
                _services.Metrics.SlowConsumerDisconnected();
                Log.SlowConsumerDisconnected(_services.Logger, ConnectionId);
                _context.Abort();
            }

            return;
        }

        item.Subscription.MarkGap();
        _anyGap = true;
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Frame>(MaxBatch);
        var token = _stopping.Token;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (true)
                {
                    while (_replays.TryDequeue(out var replay))
                    {
                        await ReplayAsync(replay.Subscription, replay.Frames, replay.Gap, token).ConfigureAwait(false);
                    }

                    while (batch.Count < MaxBatch && reader.TryRead(out var item))
                    {
                        Route(item, batch);
                    }

                    if (_notices.Count > 0)
                    {
                        foreach (var notice in _notices)
                        {
                            _services.Metrics.Gap();
                            await _context.WriteAsync(new InvocationMessage("gap", [notice]), token).ConfigureAwait(false);
                        }

                        _notices.Clear();
                    }

                    if (batch.Count > 0)
                    {
                        await WriteAsync(batch, live: true, token).ConfigureAwait(false);
                        batch.Clear();
                        continue;
                    }

                    if (_anyGap)
                    {
                        _anyGap = false;
                        await RecoverGapsAsync(token).ConfigureAwait(false);
                        continue;
                    }

                    if (!_replays.IsEmpty)
                    {
                        continue;
                    }

                    break;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Log.SendLoopFailed(_services.Logger, ConnectionId, ex);
            _context.Abort();
        }
    }

    private void Route(Item item, List<Frame> batch)
    {
        var subscription = item.Subscription;
        var frame = item.Frame;
        if (subscription is null || frame is null || subscription.Removed)
        {
            return;
        }

        if (subscription.Recovering)
        {
            if (subscription.Pending.Count < _pendingLimit)
            {
                subscription.Pending.Add(frame);
            }
            else
            {
                subscription.MarkGap();
                _anyGap = true;
            }

            return;
        }

        if (subscription.Gapped)
        {
            // Delivered later from history, in order, by RecoverGapsAsync.
            return;
        }

        if (!string.Equals(frame.Epoch, subscription.Epoch, StringComparison.Ordinal))
        {
            // The topic's history was reset (e.g. Redis lost it): offsets start again.
            Log.EpochChanged(_services.Logger, subscription.Topic, subscription.Epoch, frame.Epoch);
            _notices.Add(new GapNotice(subscription.Topic, frame.Epoch, subscription.LastDelivered + 1, long.MaxValue, false, "epoch"));
            subscription.Epoch = frame.Epoch;
            subscription.LastDelivered = 0;
        }

        if (frame.Offset <= subscription.LastDelivered)
        {
            return;
        }

        if (item.PreviousQueued > subscription.LastDelivered)
        {
            // A frame queued before this one was dropped (the drop callback may not have run yet): replay from history.
            subscription.MarkGap();
            _anyGap = true;
            return;
        }

        subscription.LastDelivered = frame.Offset;
        batch.Add(frame);
    }

    private async Task ReplayAsync(Subscription subscription, IReadOnlyList<Frame> frames, GapNotice? gap, CancellationToken cancellationToken)
    {
        if (subscription.Removed)
        {
            return;
        }

        if (gap is not null)
        {
            _services.Metrics.Gap();
            Log.GapBeyondHistory(_services.Logger, ConnectionId, gap.Topic, gap.FromOffset, gap.ToOffset);
            await _context.WriteAsync(new InvocationMessage("gap", [gap]), cancellationToken).ConfigureAwait(false);
        }

        var batch = new List<Frame>(MaxBatch);
        async Task FlushAsync()
        {
            if (batch.Count > 0)
            {
                await WriteAsync(batch, live: false, cancellationToken).ConfigureAwait(false);
                batch.Clear();
            }
        }

        foreach (var frame in frames)
        {
            if (frame.Offset > subscription.LastDelivered && subscription.Matches(frame.Signal))
            {
                subscription.LastDelivered = frame.Offset;
                batch.Add(frame);
                if (batch.Count == MaxBatch)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
            else if (frame.Offset > subscription.LastDelivered)
            {
                subscription.LastDelivered = frame.Offset;
            }
        }

        subscription.Recovering = false;
        foreach (var frame in subscription.Pending)
        {
            if (frame.Offset > subscription.LastDelivered)
            {
                subscription.LastDelivered = frame.Offset;
                batch.Add(frame);
                if (batch.Count == MaxBatch)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
        }

        subscription.Pending.Clear();
        await FlushAsync().ConfigureAwait(false);
    }

    private async Task RecoverGapsAsync(CancellationToken cancellationToken)
    {
        List<Subscription> gapped;
        lock (_subscriptions)
        {
            gapped = _subscriptions.Values.Where(s => s.Gapped).ToList();
        }

        foreach (var subscription in gapped)
        {
            subscription.Recovering = true;
            subscription.ClearGap();
            var read = await _services.Store.ReadAsync(subscription.Topic, subscription.LastDelivered, _services.Options.HistoryPerTopic, cancellationToken).ConfigureAwait(false);
            GapNotice? gap = null;
            var from = subscription.LastDelivered + 1;
            var firstAvailable = read.Frames.Count > 0 ? read.Frames[0].Offset : read.Position.Offset + 1;
            if (firstAvailable > from)
            {
                gap = new GapNotice(subscription.Topic, read.Position.Epoch, from, firstAvailable - 1, false, "history");
            }

            await ReplayAsync(subscription, read.Frames, gap, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteAsync(List<Frame> batch, bool live, CancellationToken cancellationToken)
    {
        var oldest = batch[0].CreatedTimestamp;
        if (batch.Count == 1 || !_coalesce)
        {
            foreach (var frame in batch)
            {
                await _context.WriteAsync(frame.Message, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            var length = 0;
            foreach (var frame in batch)
            {
                length += frame.Bytes.Length;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var position = 0;
                foreach (var frame in batch)
                {
                    frame.Bytes.CopyTo(buffer, position);
                    position += frame.Bytes.Length;
                }

                // The JSON protocol is record-separated: several frames in one write read as several messages.
                var message = new SerializedHubMessage([new SerializedMessage(FrameWriter.ProtocolName, buffer.AsMemory(0, length))]);
                await _context.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        if (live)
        {
            _services.Metrics.Sent(batch.Count, Stopwatch.GetElapsedTime(oldest));
        }
        else
        {
            _services.Metrics.Replayed(batch.Count);
        }
    }

    private readonly record struct Item(Subscription? Subscription, Frame? Frame, long PreviousQueued);

    private sealed record Replay(Subscription Subscription, IReadOnlyList<Frame> Frames, GapNotice? Gap);
}

/// <summary>What every connection's send loop shares.</summary>
internal sealed record ConnectionServices(RealtimeOptions Options, RealtimeMetrics Metrics, ILogger Logger, ITopicStore Store);
