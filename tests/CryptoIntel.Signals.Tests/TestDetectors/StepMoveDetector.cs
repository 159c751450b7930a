using System.Reactive.Concurrency;
using System.Reactive.Linq;
using CryptoIntel.Signals;

namespace CryptoIntel.Signals.Tests.TestDetectors;

/// <summary>
/// A tiny detector for the track/confidence/A-B tests only: fires when one step's price change reaches the threshold,
/// in its direction, with a confidence that grows with the move (and never for bad values).
/// </summary>
internal sealed class StepMoveDetector(double threshold = 0.02, string name = "step-move") : ISignalDetector<MarketTick>
{
    public string Name => name;

    public string Version => "1";

    public IObservable<Signal> Detect(IObservable<MarketTick> source, IScheduler scheduler) => Observable.Create<Signal>(observer =>
    {
        var last = new Dictionary<AssetId, double>();
        return source.Subscribe(
            tick =>
            {
                if (!double.IsFinite(tick.Price) || tick.Price <= 0)
                {
                    return;
                }

                if (last.TryGetValue(tick.Asset, out var previous))
                {
                    var change = (tick.Price / previous) - 1;
                    if (Math.Abs(change) >= threshold)
                    {
                        var direction = change > 0 ? SignalDirection.Up : SignalDirection.Down;
                        observer.OnNext(new Signal(
                            Signal.CreateId(SignalKind.PriceMove, tick.Asset.Value, name, Version, tick.Timestamp),
                            SignalKind.PriceMove, tick.Asset.Value, direction, change, Math.Min(1, 0.5 + Math.Abs(change)), tick.Timestamp, name, Version)
                        {
                            Asset = tick.Asset,
                            Evidence = [new SignalEvidence("change", change, threshold)],
                        });
                    }
                }

                last[tick.Asset] = tick.Price;
            },
            observer.OnError,
            observer.OnCompleted);
    });
}
