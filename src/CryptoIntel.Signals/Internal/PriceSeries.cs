namespace CryptoIntel.Signals.Internal;

/// <summary>A sorted, de-duplicated series of values (price or TVL) with optional volumes.</summary>
internal sealed class PriceSeries
{
    private PriceSeries(DateTimeOffset[] times, double[] values, double[] volumes)
    {
        Times = times;
        Values = values;
        Volumes = volumes;
    }

    public DateTimeOffset[] Times { get; }

    public double[] Values { get; }

    public double[] Volumes { get; }

    public int Count => Times.Length;

    public static PriceSeries Create(List<(DateTimeOffset Time, double Value, double Volume)> rows, ref int skipped)
    {
        rows.Sort(static (a, b) => a.Time.CompareTo(b.Time));
        var times = new List<DateTimeOffset>(rows.Count);
        var values = new List<double>(rows.Count);
        var volumes = new List<double>(rows.Count);
        foreach (var (time, value, volume) in rows)
        {
            if (times.Count > 0 && times[^1] == time)
            {
                skipped++;
                continue;
            }

            times.Add(time);
            values.Add(value);
            volumes.Add(volume);
        }

        return new PriceSeries([.. times], [.. values], [.. volumes]);
    }

    /// <summary>The index of the last point at or before <paramref name="time"/>, or -1.</summary>
    public int IndexAtOrBefore(DateTimeOffset time)
    {
        var i = Array.BinarySearch(Times, time);
        return i >= 0 ? i : ~i - 1;
    }
}
