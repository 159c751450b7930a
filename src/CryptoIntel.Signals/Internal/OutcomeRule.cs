namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The labelling rule shared by the backtest and the live outcome tracker: a signal is a hit when, at some observation
/// in (t, t + horizon], the value has moved from its value at t by at least the threshold in the signalled direction
/// (for a neutral signal: by at least the threshold either way). Lead time: the first such observation's time minus t.
/// Forward return: the move at the last observation within the horizon, signed by the direction (absolute for neutral).
/// </summary>
internal static class OutcomeRule
{
    public static double Aligned(SignalDirection direction, double change) => direction switch
    {
        SignalDirection.Up => change,
        SignalDirection.Down => -change,
        _ => Math.Abs(change),
    };

    /// <summary>Labels one signal against a series; null when the series does not cover t .. t + horizon.</summary>
    public static (bool Hit, TimeSpan? LeadTime, double ForwardReturn)? Label(PriceSeries series, DateTimeOffset t, SignalDirection direction, TimeSpan horizon, double threshold) =>
        Label(series.Times, series.Values, t, direction, horizon, threshold);

    /// <summary>Labels one signal against a series sorted by time; null when it does not cover t .. t + horizon.</summary>
    public static (bool Hit, TimeSpan? LeadTime, double ForwardReturn)? Label(ReadOnlySpan<DateTimeOffset> times, ReadOnlySpan<double> values, DateTimeOffset t, SignalDirection direction, TimeSpan horizon, double threshold)
    {
        var found = times.BinarySearch(t);
        var i = found >= 0 ? found : ~found - 1;
        if (i < 0 || times.Length == 0 || times[^1] < t + horizon || !(values[i] > 0))
        {
            return null;
        }

        var entry = values[i];
        var end = t + horizon;
        TimeSpan? lead = null;
        var last = 0.0;
        for (var j = i + 1; j < times.Length && times[j] <= end; j++)
        {
            last = Aligned(direction, (values[j] / entry) - 1);
            if (lead is null && last >= threshold)
            {
                lead = times[j] - t;
            }
        }

        return (lead is not null, lead, last);
    }
}
