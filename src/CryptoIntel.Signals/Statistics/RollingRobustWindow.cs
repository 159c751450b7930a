using System.Runtime.CompilerServices;

namespace CryptoIntel.Signals.Statistics;

/// <summary>
/// The median and the median absolute deviation (MAD) of the last <c>capacity</c> observations, for robust
/// z-scores: <c>z = (x − median) / (1.4826 · MAD)</c> (1.4826 makes the MAD estimate σ for normal data).
/// </summary>
/// <remarks>
/// Keeps the window twice: in arrival order (a ring, to know what leaves) and sorted. An update is two binary
/// searches and one block move of the values between the leaving and the arriving one (at most <c>capacity</c>
/// doubles); the median is O(1) and the MAD O(log n) (the k-th smallest of two sorted sequences: the distances below
/// and above the median). Allocation-free after construction. Not thread-safe.
/// </remarks>
internal sealed class RollingRobustWindow
{
    /// <summary>The factor that turns a MAD into an estimate of σ for normal data.</summary>
    public const double MadToSigma = 1.4826;

    private readonly double[] _ring;
    private readonly double[] _sorted;
    private int _head;

    public RollingRobustWindow(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new double[capacity];
        _sorted = new double[capacity];
    }

    /// <summary>Gets the number of observations in the window.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the most observations the window holds.</summary>
    public int Capacity => _ring.Length;

    /// <summary>Adds an observation; when the window is full, the oldest leaves. The value must be finite.</summary>
    public void Add(double value)
    {
        var sorted = _sorted;
        var count = Count;
        if (count == _ring.Length)
        {
            // Replace the oldest by the new value in one move: only the values between the two positions shift.
            var oldest = _ring[_head];
            var (at, to) = LowerBounds(sorted, count, oldest, value);
            if (value > oldest)
            {
                // sorted[at] is the oldest and sorted[at+1 .. to-1] are below the value: they move down one.
                sorted.AsSpan(at + 1, to - at - 1).CopyTo(sorted.AsSpan(at));
                sorted[to - 1] = value;
            }
            else
            {
                // sorted[to .. at-1] are at least the value (and at most the oldest): they move up one.
                sorted.AsSpan(to, at - to).CopyTo(sorted.AsSpan(to + 1));
                sorted[to] = value;
            }
        }
        else
        {
            var insert = LowerBounds(sorted, count, value, value).First;
            sorted.AsSpan(insert, count - insert).CopyTo(sorted.AsSpan(insert + 1));
            sorted[insert] = value;
            Count = count + 1;
        }

        _ring[_head] = value;
        _head = _head + 1 == _ring.Length ? 0 : _head + 1;
    }

    /// <summary>Gets the median (the mean of the two middle values when the count is even); 0 when empty.</summary>
    public double Median()
    {
        if (Count == 0)
        {
            return 0;
        }

        var mid = Count >> 1;
        return (Count & 1) == 1 ? _sorted[mid] : (_sorted[mid - 1] + _sorted[mid]) * 0.5;
    }

    /// <summary>Gets the median absolute deviation from the median; 0 when empty.</summary>
    public double Mad()
    {
        if (Count == 0)
        {
            return 0;
        }

        var median = Median();

        // Distances below the median, ascending: median - sorted[split-1-j]; above: sorted[split+j] - median.
        var split = LowerBounds(_sorted, Count, median, median).First;
        var mid = Count >> 1;
        return (Count & 1) == 1
            ? KthDistance(mid, split, median)
            : (KthDistance(mid - 1, split, median) + KthDistance(mid, split, median)) * 0.5;
    }

    /// <summary>The robust z-score of <paramref name="value"/> against the window, with the scale floored at <paramref name="minScale"/>.</summary>
    public double RobustZ(double value, double minScale) =>
        (value - Median()) / Math.Max(MadToSigma * Mad(), minScale);

    /// <summary>Forgets every observation.</summary>
    public void Clear()
    {
        Count = 0;
        _head = 0;
    }

    // The first index in [0, count) whose value is not below a (resp. b), or count: two branch-free binary searches in
    // lockstep (the comparisons are data-dependent, so branches would be mispredicted half the time; the two chains
    // of loads overlap).
    private static (int First, int Second) LowerBounds(double[] sorted, int count, double a, double b)
    {
        int i = 0, j = 0, n = count;
        while (n > 1)
        {
            var half = n >> 1;
            i += half & -Bit(sorted[i + half - 1] < a);
            j += half & -Bit(sorted[j + half - 1] < b);
            n -= half;
        }

        if (n == 1)
        {
            i += Bit(sorted[i] < a);
            j += Bit(sorted[j] < b);
        }

        return (i, j);
    }

    // 1 or 0 without a branch (a set-on-condition instruction).
    private static int Bit(bool condition) => Unsafe.BitCast<bool, byte>(condition);

    // The k-th (0-based) smallest of the union of A (distances below, length split) and B (above, length Count-split).
    private double KthDistance(int k, int split, double median)
    {
        var lengthA = split;
        var lengthB = Count - split;
        int lo = Math.Max(0, k + 1 - lengthB), hi = Math.Min(k + 1, lengthA);
        while (lo <= hi)
        {
            var i = (lo + hi) >>> 1;
            var j = k + 1 - i;
            var aLeft = i > 0 ? median - _sorted[split - i] : double.NegativeInfinity;
            var aRight = i < lengthA ? median - _sorted[split - 1 - i] : double.PositiveInfinity;
            var bLeft = j > 0 ? _sorted[split + j - 1] - median : double.NegativeInfinity;
            var bRight = j < lengthB ? _sorted[split + j] - median : double.PositiveInfinity;
            if (aLeft <= bRight && bLeft <= aRight)
            {
                return Math.Max(aLeft, bLeft);
            }

            if (aLeft > bRight)
            {
                hi = i - 1;
            }
            else
            {
                lo = i + 1;
            }
        }

        return 0; // unreachable for 0 <= k < Count
    }
}
