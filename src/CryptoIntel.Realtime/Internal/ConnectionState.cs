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
/// drain that writes the queue into the SignalR connection. There is no long-lived send loop: when nothing is queued and
/// no write is in flight, the dispatcher writes a live frame inline (one pipe write, no thread-pool hop, no channel); a
/// write that cannot complete at once, queued frames, replays and gap recovery continue on a thread-pool drain, which
/// ends when the queue is empty. At most one writer owns the connection at a time (<see cref="_state"/>), so frames
/// leave in the order they were dispatched. Frames are shared, so a queued message costs a reference; several queued
/// frames are written with one write and one flush.
/// </summary>
internal sealed class ConnectionState : IDisposable
{
    private const int MaxBatch = 64;
    private const int Idle = 0;
    private const int Busy = 1;

    private readonly HubConnectionContext _context;
    private readonly ConnectionServices _services;
    private readonly Channel<Item> _queue;
    private readonly ConcurrentQueue<Replay> _replays = new();
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _token;
    private readonly Func<Task> _drainFromQueue;
    private readonly bool _coalesce;
    private readonly int _pendingLimit;
    private readonly List<GapNotice> _notices = [];
    private readonly List<Frame> _inline = new(1);
    private volatile bool _anyGap;
    private volatile bool _stopped;

    /// <summary>Idle, or Busy while one writer (the dispatcher inline, or a drain) owns the connection's output.</summary>
    private int _state;
    private Task _drain = Task.CompletedTask;

    public ConnectionState(HubConnectionContext context, ConnectionServices services)
    {
        _context = context;
        _services = services;
        _token = _stopping.Token;
        _drainFromQueue = () => DrainAsync(default, null);
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

    private bool HasWork => _queue.Reader.Count > 0 || !_replays.IsEmpty || _anyGap;

    public async Task StopAsync()
    {
        _stopped = true;
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            // A drain in flight ends at its next write (cancelled) or when it finds nothing more to do.
            await Volatile.Read(ref _drain).ConfigureAwait(false);
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

    /// <summary>
    /// Delivers a live frame (called by the dispatcher, on the publishing thread, in offset order per topic): written inline
    /// when the connection is idle with nothing queued, else queued for the drain that owns the connection.
    /// </summary>
    public void Enqueue(Subscription subscription, Frame frame, long previousQueued)
    {
        if (_stopped)
        {
            return;
        }

        var item = new Item(subscription, frame, previousQueued);
        if (TryOwn())
        {
            if (!HasWork && !subscription.Recovering && !subscription.Gapped && string.Equals(frame.Epoch, subscription.Epoch, StringComparison.Ordinal))
            {
                WriteInline(item);
            }
            else
            {
                _queue.Writer.TryWrite(item);
                _drain = Task.Run(_drainFromQueue);
            }

            return;
        }

        // The owner drains what it finds queued before it lets go (see Release): queue, then take over if it just left.
        _queue.Writer.TryWrite(item);
        if (TryOwn())
        {
            _drain = Task.Run(_drainFromQueue);
        }
    }

    /// <summary>
    /// Marks that frames of a subscription never reached this node's fan-out (dropped from its full queue, or missed on the
    /// backplane): the drain replays them from history, in order, before later live frames.
    /// </summary>
    public void MarkGap(Subscription subscription)
    {
        if (_stopped || subscription.Removed)
        {
            return;
        }

        Gap(subscription);
        if (TryOwn())
        {
            _drain = Task.Run(_drainFromQueue);
        }
    }

    /// <summary>Queues the history a resuming subscription asked for; the drain writes it before the live frames.</summary>
    public void EnqueueReplay(Subscription subscription, IReadOnlyList<Frame> frames, GapNotice? gap)
    {
        _replays.Enqueue(new Replay(subscription, frames, gap));
        if (!_stopped && TryOwn())
        {
            _drain = Task.Run(_drainFromQueue);
        }
    }

    /// <summary>Marks a subscription gapped; the drain replays it from history (see <see cref="RecoverGapsAsync"/>).</summary>
    private void Gap(Subscription subscription)
    {
        subscription.MarkGap();
        _anyGap = true;
    }

    private bool TryOwn() => Interlocked.CompareExchange(ref _state, Busy, Idle) == Idle;

    /// <summary>Lets go of the connection; returns true when work arrived meanwhile and this caller owns it again.</summary>
    private bool Release()
    {
        Interlocked.Exchange(ref _state, Idle);
        return !_stopped && HasWork && TryOwn();
    }

    /// <summary>The fast path: one frame, nothing queued before it, written on the dispatching thread.</summary>
    private void WriteInline(Item item)
    {
        ValueTask write;
        try
        {
            var batch = _inline;
            Route(item, batch);
            if (batch.Count == 0)
            {
                // A duplicate, or a frame queued before this one was dropped (gap marked): the drain sorts it out.
                if (Release())
                {
                    _drain = Task.Run(_drainFromQueue);
                }

                return;
            }

            batch.Clear();
            write = _context.WriteAsync(item.Frame!.Message, _token);
        }
        catch (Exception ex)
        {
            Log.SendLoopFailed(_services.Logger, ConnectionId, ex);
            _context.Abort();
            return;
        }

        if (!write.IsCompletedSuccessfully)
        {
            // Back-pressure (or a concurrent SignalR write): finish on the thread pool; later frames queue behind it.
            _drain = DrainAsync(write, item.Frame);
            return;
        }

        write.GetAwaiter().GetResult();
        CountSent(item.Frame);
        if (Release())
        {
            _drain = Task.Run(_drainFromQueue);
        }
    }

    /// <summary>Counts one live frame written (a position notice is not a message).</summary>
    private void CountSent(Frame frame)
    {
        if (!frame.IsPosition)
        {
            _services.Metrics.Sent(1, Stopwatch.GetElapsedTime(frame.CreatedTimestamp));
        }
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

        Gap(item.Subscription);
    }

    /// <summary>
    /// Writes until nothing is left (an unfinished inline write first, then replays, queued frames, gap notices, gap
    /// recovery), then lets go of the connection. Runs only while owning it.
    /// </summary>
    private async Task DrainAsync(ValueTask pending, Frame? pendingFrame)
    {
        var reader = _queue.Reader;
        var batch = new List<Frame>(MaxBatch);
        var token = _token;
        try
        {
            if (pendingFrame is not null)
            {
                await pending.ConfigureAwait(false);
                CountSent(pendingFrame);
            }

            do
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
            while (Release());
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
                Gap(subscription);
            }

            return;
        }

        if (subscription.Gapped)
        {
            // Delivered later from history, in order, by RecoverGapsAsync.
            return;
        }

        if (frame.IsPosition && !string.Equals(frame.Epoch, subscription.Epoch, StringComparison.Ordinal))
        {
            // Only advisory: the next frame of the new epoch announces the reset.
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
            Gap(subscription);
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

        var announced = subscription.LastDelivered;
        Frame? skipped = null;
        foreach (var frame in frames)
        {
            if (frame.Offset > subscription.LastDelivered && subscription.Matches(frame.Signal))
            {
                subscription.LastDelivered = announced = frame.Offset;
                batch.Add(frame);
                if (batch.Count == MaxBatch)
                {
                    await FlushAsync().ConfigureAwait(false);
                }
            }
            else if (frame.Offset > subscription.LastDelivered)
            {
                subscription.LastDelivered = frame.Offset;
                skipped = frame;
            }
        }

        if (skipped is not null && skipped.Offset - announced >= subscription.PositionInterval)
        {
            // The filters skipped much of what was replayed: tell the client how far it has come.
            batch.Add(skipped.Position);
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

        // Position notices are not messages: the counters count signals only.
        var signals = 0;
        foreach (var frame in batch)
        {
            signals += frame.IsPosition ? 0 : 1;
        }

        if (signals == 0)
        {
            return;
        }

        if (live)
        {
            _services.Metrics.Sent(signals, Stopwatch.GetElapsedTime(oldest));
        }
        else
        {
            _services.Metrics.Replayed(signals);
        }
    }

    private readonly record struct Item(Subscription? Subscription, Frame? Frame, long PreviousQueued);

    private sealed record Replay(Subscription Subscription, IReadOnlyList<Frame> Frames, GapNotice? Gap);
}

/// <summary>What every connection's writer shares.</summary>
internal sealed record ConnectionServices(RealtimeOptions Options, RealtimeMetrics Metrics, ILogger Logger, ITopicStore Store);
