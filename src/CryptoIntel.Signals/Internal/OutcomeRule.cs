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
    public static (bool Hit, TimeSpan? LeadTime, double ForwardReturn)? Label(PriceSeries series, DateTimeOffset t, SignalDirection direction, TimeSpan horizon, double threshold)
    {
        var i = series.IndexAtOrBefore(t);
        if (i < 0 || series.Count == 0 || series.Times[^1] < t + horizon)
        {
            return null;
        }

        var entry = series.Values[i];
        var end = t + horizon;
        TimeSpan? lead = null;
        var last = 0.0;
        for (var j = i + 1; j < series.Count && series.Times[j] <= end; j++)
        {
            last = Aligned(direction, (series.Values[j] / entry) - 1);
            if (lead is null && last >= threshold)
            {
                lead = series.Times[j] - t;
            }
        }

        return (lead is not null, lead, last);
    }
}
