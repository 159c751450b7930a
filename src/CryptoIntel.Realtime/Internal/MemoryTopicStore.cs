using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Realtime.Internal;

/// <summary>
/// The single-node store: a ring of the last <see cref="RealtimeOptions.HistoryPerTopic"/> frames per topic, offsets
/// counted in memory, one epoch per process (a restart is a new epoch: clients are told <c>recovered: false</c>).
/// </summary>
internal sealed class MemoryTopicStore : ITopicStore
{
    private const int RememberedIds = 16_384;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Ring> _topics = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seenIds = new(StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();
    private readonly Dispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly int _capacity;

    public MemoryTopicStore(Dispatcher dispatcher, TimeProvider time, IOptions<RealtimeOptions> options)
    {
        _dispatcher = dispatcher;
        _time = time;
        _capacity = options.Value.HistoryPerTopic;
        Epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    }

    public string Epoch { get; }

    public ValueTask PublishAsync(Signal signal, IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        var json = FrameWriter.SerializeSignal(signal);
        lock (_gate)
        {
            if (!_seenIds.Add(signal.Id))
            {
                return ValueTask.CompletedTask;
            }

            _seenOrder.Enqueue(signal.Id);
            if (_seenOrder.Count > RememberedIds)
            {
                _seenIds.Remove(_seenOrder.Dequeue());
            }

            var now = _time.GetUtcNow();
            var timestamp = Stopwatch.GetTimestamp();
            foreach (var topic in topics)
            {
                var ring = GetRing(topic);
                var frame = new Frame(topic, Epoch, ring.Last + 1, now, signal, json, timestamp);
                ring.Add(frame);

                // Dispatching under the lock keeps every topic's frames in offset order on every connection.
                _dispatcher.Dispatch(frame);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<TopicPosition> GetPositionAsync(string topic, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(new TopicPosition(Epoch, _topics.TryGetValue(topic, out var ring) ? ring.Last : 0));
        }
    }

    public ValueTask<HistoryRead> ReadAsync(string topic, long afterOffset, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var ring))
            {
                return ValueTask.FromResult(new HistoryRead([], new TopicPosition(Epoch, 0)));
            }

            return ValueTask.FromResult(new HistoryRead(ring.After(afterOffset, max), new TopicPosition(Epoch, ring.Last)));
        }
    }

    private Ring GetRing(string topic)
    {
        if (!_topics.TryGetValue(topic, out var ring))
        {
            ring = new Ring(_capacity);
            _topics.Add(topic, ring);
        }

        return ring;
    }

    private sealed class Ring(int capacity)
    {
        private readonly Frame[] _items = new Frame[capacity];
        private int _count;

        public long Last { get; private set; }

        public void Add(Frame frame)
        {
            _items[(int)(frame.Offset % _items.Length)] = frame;
            Last = frame.Offset;
            _count = Math.Min(_count + 1, _items.Length);
        }

        public List<Frame> After(long afterOffset, int max)
        {
            var first = Math.Max(afterOffset + 1, Last - _count + 1);
            var list = new List<Frame>((int)Math.Clamp(Last - first + 1, 0, max));
            for (var offset = first; offset <= Last && list.Count < max; offset++)
            {
                list.Add(_items[(int)(offset % _items.Length)]);
            }

            return list;
        }
    }
}
