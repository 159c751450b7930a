namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// One topic subscription of one connection, with its filters. The delivery state (<see cref="LastDelivered"/>,
/// <see cref="Pending"/>) belongs to whoever owns the connection's output (the fan-out loop writing inline, or the
/// drain); <see cref="Gapped"/> is raised by the dispatching thread.
/// </summary>
internal sealed class Subscription
{
    private readonly HashSet<string>? _kinds;
    private readonly HashSet<string>? _assets;
    private readonly double _minConfidence;
    private int _gapped;
    private volatile bool _removed;
    private volatile bool _recovering;

    public Subscription(ConnectionState connection, string topic, string epoch, HashSet<string>? kinds, double minConfidence, HashSet<string>? assets, long positionInterval = long.MaxValue)
    {
        PositionInterval = Math.Max(1, positionInterval);
        Connection = connection;
        Topic = topic;
        Epoch = epoch;
        _kinds = kinds is { Count: > 0 } ? kinds : null;
        _assets = assets is { Count: > 0 } ? assets : null;
        _minConfidence = minConfidence;
    }

    public ConnectionState Connection { get; }

    /// <summary>
    /// Gets how many offsets a filtered subscription may pass without a match before the client is sent a <c>position</c>
    /// notice (half the history): the client's resume point then never falls out of history only because nothing matched.
    /// </summary>
    public long PositionInterval { get; }

    public string Topic { get; }

    /// <summary>Gets or sets the epoch of <see cref="LastDelivered"/> (connection owner).</summary>
    public string Epoch { get; set; }

    /// <summary>Gets or sets the offset of the last frame the dispatcher queued (dispatching thread; topics dispatch in order).</summary>
    public long LastQueued { get; set; }

    /// <summary>Gets or sets the last offset written to the client (connection owner).</summary>
    public long LastDelivered { get; set; }

    /// <summary>Gets or sets a value indicating whether history is being replayed: live frames wait in <see cref="Pending"/>.</summary>
    public bool Recovering
    {
        get => _recovering;
        set => _recovering = value;
    }

    /// <summary>Gets the live frames that arrived while replaying (connection owner).</summary>
    public List<Frame> Pending { get; } = [];

    public bool Removed => _removed;

    public bool Gapped => Volatile.Read(ref _gapped) == 1;

    public bool HasFilter => _kinds is not null || _assets is not null || _minConfidence > 0;

    public void Remove() => _removed = true;

    /// <summary>Marks that a frame of this subscription was dropped; the drain replays from history.</summary>
    public bool MarkGap() => Interlocked.Exchange(ref _gapped, 1) == 0;

    public void ClearGap() => Volatile.Write(ref _gapped, 0);

    public bool Matches(Signal signal)
    {
        if (signal.Confidence < _minConfidence)
        {
            return false;
        }

        if (_kinds is not null && !_kinds.Contains(signal.Kind.Value))
        {
            return false;
        }

        if (_assets is not null)
        {
            if (signal.Asset is { IsEmpty: false } asset && _assets.Contains(asset.Value))
            {
                return true;
            }

            foreach (var entity in signal.Entities)
            {
                if (_assets.Contains(entity))
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }
}
