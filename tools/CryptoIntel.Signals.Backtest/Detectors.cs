using System.Reactive.Concurrency;
using System.Reactive.Linq;
using CryptoIntel.Signals;

namespace CryptoIntel.Signals.Backtest;

/// <summary>The detector sets the backtest compares: the rules path (default options) and the ML path's candidates (sensitive options).</summary>
internal static class Detectors
{
    public static (IReadOnlyList<ISignalDetector<MarketTick>> Market, IReadOnlyList<ISignalDetector<TvlObservation>> Tvl) Rules() =>
        ([new InterimMoveDetector(3.0)], []);

    public static (IReadOnlyList<ISignalDetector<MarketTick>> Market, IReadOnlyList<ISignalDetector<TvlObservation>> Tvl) Sensitive() =>
        ([new InterimMoveDetector(2.0)], []);

    /// <summary>Interim (until the package's detectors land): hourly return z-score over 72 steps, 6 h cool-down.</summary>
    private sealed class InterimMoveDetector(double k) : ISignalDetector<MarketTick>
    {
        public string Name => "interim-move";

        public string Version => "0";

        public IObservable<Signal> Detect(IObservable<MarketTick> source, IScheduler scheduler) => Observable.Create<Signal>(o =>
        {
            var state = new Dictionary<AssetId, (double Last, Queue<double> R, DateTimeOffset Cool)>();
            return source.Subscribe(t =>
            {
                if (!double.IsFinite(t.Price) || t.Price <= 0)
                {
                    return;
                }

                if (!state.TryGetValue(t.Asset, out var s))
                {
                    state[t.Asset] = (t.Price, new Queue<double>(), default);
                    return;
                }

                var r = Math.Log(t.Price / s.Last);
                var cool = s.Cool;
                if (s.R.Count >= 72)
                {
                    var mean = s.R.Average();
                    var sd = Math.Sqrt(s.R.Select(x => (x - mean) * (x - mean)).Average());
                    var z = sd > 0 ? (r - mean) / sd : 0;
                    if (Math.Abs(z) >= k && t.Timestamp >= cool)
                    {
                        cool = t.Timestamp.AddHours(6);
                        o.OnNext(new Signal(Signal.CreateId(SignalKind.PriceMove, t.Asset.Value, Name, Version, t.Timestamp), SignalKind.PriceMove, t.Asset.Value,
                            z > 0 ? SignalDirection.Up : SignalDirection.Down, z, Math.Min(0.95, 0.4 + (0.1 * Math.Abs(z))), t.Timestamp, Name, Version)
                        { Asset = t.Asset, Evidence = [new SignalEvidence("zScore", z, k), new SignalEvidence("change1h", Math.Exp(r) - 1)] });
                    }

                    s.R.Dequeue();
                }

                s.R.Enqueue(r);
                state[t.Asset] = (t.Price, s.R, cool);
            }, o.OnError, o.OnCompleted);
        });
    }
}
