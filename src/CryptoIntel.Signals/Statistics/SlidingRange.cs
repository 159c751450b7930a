namespace CryptoIntel.Signals.Statistics;

/// <summary>
/// The highest and lowest of the last <c>window</c> values of a series, in O(1) amortised per value: two monotonic
/// queues (a value leaves the max queue when a later value is at least as high, since it can never be the maximum
/// again, and likewise for the min queue). The extremes are the exact values a scan of the window would find.
/// Allocation-free after construction. Not thread-safe.
/// </summary>
internal sealed class SlidingRange
{
    private readonly Queue _max;
    private readonly Queue _min;
    private readonly int _window;
    private long _added;

    public SlidingRange(int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        _window = window;
        _max = new Queue(window);
        _min = new Queue(window);
    }

    /// <summary>Gets the number of values added since the start or the last <see cref="Clear"/>.</summary>
    public long Added => _added;

    /// <summary>Gets the highest of the last <c>window</c> values (undefined when none was added).</summary>
    public double Max => _max.FrontValue;

    /// <summary>Gets the lowest of the last <c>window</c> values (undefined when none was added).</summary>
    public double Min => _min.FrontValue;

    /// <summary>Adds a value (finite); the value added <c>window</c> values ago leaves.</summary>
    public void Add(double value)
    {
        var seq = _added++;
        var expired = seq - _window;
        _max.Push(seq, value, expired, keepHigher: true);
        _min.Push(seq, value, expired, keepHigher: false);
    }

    /// <summary>Forgets every value.</summary>
    public void Clear()
    {
        _added = 0;
        _max.Clear();
        _min.Clear();
    }

    // A deque over a circular buffer of (sequence number, value), front = the extreme of the window.
    private sealed class Queue(int capacity)
    {
        private readonly long[] _seq = new long[capacity];
        private readonly double[] _values = new double[capacity];
        private int _head;
        private int _count;

        public double FrontValue => _values[_head];

        public void Push(long seq, double value, long expired, bool keepHigher)
        {
            // Drop from the back what the new value dominates, then from the front what left the window.
            while (_count > 0)
            {
                var back = _values[Slot(_count - 1)];
                if (keepHigher ? back > value : back < value)
                {
                    break;
                }

                _count--;
            }

            while (_count > 0 && _seq[_head] <= expired)
            {
                _head = _head + 1 == _seq.Length ? 0 : _head + 1;
                _count--;
            }

            var at = Slot(_count);
            _seq[at] = seq;
            _values[at] = value;
            _count++;
        }

        public void Clear()
        {
            _head = 0;
            _count = 0;
        }

        private int Slot(int index)
        {
            var p = _head + index;
            return p >= _seq.Length ? p - _seq.Length : p;
        }
    }
}
