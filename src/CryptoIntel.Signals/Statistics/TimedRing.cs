namespace CryptoIntel.Signals.Statistics;

/// <summary>
/// The last <c>capacity</c> (time, value) pairs of one series in time order, with a binary search for "the latest
/// value at or before t" (data time, so lookbacks work at any cadence and across gaps). Allocation-free after
/// construction. Not thread-safe.
/// </summary>
internal sealed class TimedRing
{
    private readonly long[] _ticks;
    private readonly double[] _values;
    private int _start;
    private long _added;
    private long _cursor = -1;
    private long _lastQuery = long.MinValue;

    public TimedRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ticks = new long[capacity];
        _values = new double[capacity];
    }

    /// <summary>Gets the number of pairs held.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a pair; times must not decrease (the caller rejects out-of-order input).</summary>
    public void Add(long ticks, double value)
    {
        int at;
        if (Count == _ticks.Length)
        {
            at = _start;
            _start = _start + 1 == _ticks.Length ? 0 : _start + 1;
        }
        else
        {
            at = Physical(Count);
            Count++;
        }

        _added++;

        _ticks[at] = ticks;
        _values[at] = value;
    }

    /// <summary>Gets the i-th oldest value (0 = oldest).</summary>
    public double ValueAt(int index) => _values[Physical(index)];

    /// <summary>Gets the time of the i-th oldest pair.</summary>
    public long TicksAt(int index) => _ticks[Physical(index)];

    /// <summary>The index of the latest pair whose time is at or before <paramref name="ticks"/>, or -1.</summary>
    public int LatestAtOrBefore(long ticks)
    {
        int lo = 0, hi = Count - 1, found = -1;
        while (lo <= hi)
        {
            var m = (lo + hi) >>> 1;
            if (_ticks[Physical(m)] <= ticks)
            {
                found = m;
                lo = m + 1;
            }
            else
            {
                hi = m - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// The same answer as <see cref="LatestAtOrBefore"/>, in O(1) amortised when the queries do not go back in time
    /// (a lookback from each new observation): it walks on from the previous answer instead of searching.
    /// </summary>
    public int LatestAtOrBeforeForward(long ticks)
    {
        if (ticks < _lastQuery)
        {
            return LatestAtOrBefore(ticks);
        }

        _lastQuery = ticks;

        // Every pair up to the previous answer is at or before the previous query, so at or before this one.
        var oldest = _added - Count;
        var index = (int)(Math.Max(_cursor, oldest - 1) - oldest);
        while (index + 1 < Count && _ticks[Physical(index + 1)] <= ticks)
        {
            index++;
        }

        _cursor = oldest + index;
        return index;
    }

    /// <summary>Forgets every pair.</summary>
    public void Clear()
    {
        Count = 0;
        _start = 0;
        _added = 0;
        _cursor = -1;
        _lastQuery = long.MinValue;
    }

    private int Physical(int index)
    {
        var p = _start + index;
        return p >= _ticks.Length ? p - _ticks.Length : p;
    }
}
