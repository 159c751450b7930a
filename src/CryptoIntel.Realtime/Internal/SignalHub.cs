using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// The hub clients talk to: <c>Subscribe</c> (optionally resuming from an epoch and offset) and <c>Unsubscribe</c>.
/// Signals are not sent through the hub's <c>Clients</c>: the <see cref="Dispatcher"/> writes pre-serialized frames.
/// Every error is a <see cref="HubException"/> whose message reaches that client only.
/// </summary>
internal sealed class SignalHub : Hub
{
    private const int MaxFilterValues = 100;

    private readonly Dispatcher _dispatcher;
    private readonly ITopicStore _store;
    private readonly TopicRouter _router;
    private readonly RealtimeMetrics _metrics;
    private readonly RealtimeOptions _options;

    public SignalHub(Dispatcher dispatcher, ITopicStore store, TopicRouter router, RealtimeMetrics metrics, IOptions<RealtimeOptions> options)
    {
        _dispatcher = dispatcher;
        _store = store;
        _router = router;
        _metrics = metrics;
        _options = options.Value;
    }

    /// <summary>Subscribes to a topic, or replaces the subscription of that topic; resumes when an offset is given.</summary>
    public async Task<SubscribeResult> Subscribe(SubscribeRequest request)
    {
        if (request is null)
        {
            throw new HubException("Subscribe needs an argument: { topic, kinds?, minConfidence?, assets?, epoch?, offset? }.");
        }

        if (!_router.TryNormalize(request.Topic, out var topic, out var error))
        {
            throw new HubException(error);
        }

        if (!TopicAccess.IsAllowed(Context.User, topic))
        {
            throw new HubException($"Access to topic '{topic}' is not allowed for this key or token.");
        }

        if (request.MinConfidence is { } min && (double.IsNaN(min) || min < 0 || min > 1))
        {
            throw new HubException("minConfidence must be between 0 and 1.");
        }

        var kinds = ReadSet(request.Kinds, "kinds");
        var assets = ReadSet(request.Assets, "assets");
        if (request.Offset is { } requested)
        {
            if (requested < 0)
            {
                throw new HubException($"Invalid offset {requested}: offsets are 0 (nothing read yet) or more.");
            }

            if (string.IsNullOrWhiteSpace(request.Epoch))
            {
                throw new HubException("An offset needs the epoch it was read in (epoch is missing).");
            }
        }

        var connection = _dispatcher.Find(Context.ConnectionId) ?? throw new HubException("The connection is closing.");
        var cancellationToken = Context.ConnectionAborted;
        var position = await _store.GetPositionAsync(topic, cancellationToken).ConfigureAwait(false);
        var resume = request.Offset is not null && string.Equals(request.Epoch, position.Epoch, StringComparison.Ordinal);
        if (resume && request.Offset > position.Offset)
        {
            throw new HubException($"Invalid offset {request.Offset}: the last offset of '{topic}' in epoch {position.Epoch} is {position.Offset}.");
        }

        // A fresh subscription starts after the topic's current offset; it reads history from there like a resume does,
        // so that a frame published between reading the position and registering is replayed, not missed.
        var start = resume ? request.Offset!.Value : position.Offset;
        var subscription = new Subscription(connection, topic, position.Epoch, kinds, request.MinConfidence ?? 0, assets, _options.HistoryPerTopic / 2)
        {
            LastDelivered = start,
            LastQueued = start,
            Recovering = true,
        };

        if (connection.Put(subscription, _options.MaxSubscriptionsPerConnection) is { } previous)
        {
            _dispatcher.Unregister(previous);
        }
        else
        {
            _metrics.Subscribed();
        }

        // Registered before history is read: what is published meanwhile waits in Pending, duplicates are skipped by offset.
        _dispatcher.Register(subscription);
        var read = await _store.ReadAsync(topic, start, _options.HistoryPerTopic, cancellationToken).ConfigureAwait(false);
        if (!resume)
        {
            connection.EnqueueReplay(subscription, read.Frames, null);
            return new SubscribeResult(topic, position.Epoch, position.Offset, request.Offset is null, read.Frames.Count);
        }

        var from = start + 1;
        var firstAvailable = read.Frames.Count > 0 ? read.Frames[0].Offset : read.Position.Offset + 1;
        var recovered = firstAvailable <= from;
        GapNotice? gap = recovered ? null : new GapNotice(topic, position.Epoch, from, firstAvailable - 1, false, "history");
        connection.EnqueueReplay(subscription, read.Frames, gap);
        return new SubscribeResult(topic, position.Epoch, position.Offset, recovered, read.Frames.Count);
    }

    /// <summary>Ends the subscription of a topic; false when there was none.</summary>
    public bool Unsubscribe(string topic)
    {
        if (!_router.TryNormalize(topic, out var normalized, out var error))
        {
            throw new HubException(error);
        }

        var connection = _dispatcher.Find(Context.ConnectionId);
        if (connection?.Take(normalized) is not { } subscription)
        {
            return false;
        }

        _dispatcher.Unregister(subscription);
        _metrics.Unsubscribed();
        return true;
    }

    private static HashSet<string>? ReadSet(IList<string>? values, string name)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        if (values.Count > MaxFilterValues)
        {
            throw new HubException($"{name} may list at most {MaxFilterValues} values.");
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > TopicRouter.MaxTopicLength)
            {
                throw new HubException($"{name} contains an empty or too long value.");
            }

            set.Add(value.Trim().ToLowerInvariant());
        }

        return set;
    }
}
