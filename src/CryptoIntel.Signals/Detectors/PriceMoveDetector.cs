using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Statistics;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// Price move and breakout. Per (asset, source): the log return over <see cref="PriceMoveDetectorOptions.Lookback"/>
/// (<c>r = ln(p / p₋L)</c>, data time) against its EWMA volatility (<c>σ² = EWMA(r²)</c>): <c>z = r / σ</c>. Fires
/// when <c>|z| ≥ Threshold</c>, or when the price breaks out of the range of the previous
/// <see cref="PriceMoveDetectorOptions.RangePeriods"/> prices with <c>|z| ≥ BreakoutMinZ</c>; always with
/// <c>|e^r − 1| ≥ MinMove</c>. Once per episode and direction (re-armed when the z-score in the fired direction
/// falls below <see cref="PriceMoveDetectorOptions.ExitThreshold"/>), not within the cool-down. Magnitude: the
/// fractional move <c>|e^r − 1|</c>. Confidence: <c>σ((|z| − T) / 1.5)</c>, boosted by β = 0.2 for a breakout and
/// β = 0.3 when the volume's z-score (log volume against its EWMA) is at least
/// <see cref="PriceMoveDetectorOptions.VolumeConfirmZ"/>.
/// </summary>
public sealed class PriceMoveDetector : ISignalDetector<MarketTick>, IEngineDetector<MarketTick>
{
    private readonly PriceMoveDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public PriceMoveDetector(PriceMoveDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new PriceMoveDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "price-move";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public IObservable<Signal> Detect(IObservable<MarketTick> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return DetectorObservable.Create(source, this);
    }

    /// <inheritdoc />
    IDetectorEngine<MarketTick> IEngineDetector<MarketTick>.CreateEngine() => new Engine(_context, _options);

    private sealed class State(int history, int range, double alpha) : SubjectState
    {
        public readonly TimedRing Prices = new(history);
        public readonly SlidingRange Range = new(range);
        public Ewma Volatility = new(alpha);
        public Ewma LogVolume = new(alpha);
        public FireGate Gate;

        public override void Reset()
        {
            Prices.Clear();
            Range.Clear();
            Volatility.Reset();
            LogVolume.Reset();
            Gate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, PriceMoveDetectorOptions options)
        : MarketEngine<State>(context, options)
    {
        private const double MinSigma = 1e-4;
        private const double MinVolumeSigma = 0.05;
        private readonly long _lookback = options.Lookback.Ticks;
        private readonly int _history = options.History;
        private readonly int _range = options.RangePeriods;
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly double _breakoutZ = options.BreakoutMinZ;
        private readonly double _minMove = options.MinMove;
        private readonly double _alpha = Ewma.AlphaFromHalfLife(options.VolatilityHalfLife);
        private readonly int _warmUp = options.WarmUp;
        private readonly double _volumeZ = options.VolumeConfirmZ;

        protected override State CreateState(in MarketTick input) => new(_history, _range, _alpha);

        protected override Signal? Update(State state, in MarketTick tick, long ticks)
        {
            var prices = state.Prices;
            var price = tick.Price;

            // The range of the previous RangePeriods prices (before this one).
            double high = double.NaN, low = double.NaN;
            if (state.Range.Added >= _range)
            {
                high = state.Range.Max;
                low = state.Range.Min;
            }

            var at = prices.LatestAtOrBeforeForward(ticks - _lookback);
            var hasBase = at >= 0 && prices.TicksAt(at) >= ticks - (2 * _lookback);
            var basePrice = hasBase ? prices.ValueAt(at) : 0;
            prices.Add(ticks, price);
            state.Range.Add(price);

            var volumeZ = 0.0;
            if (tick.Volume > 0)
            {
                var logVolume = Math.Log(tick.Volume);
                if (state.LogVolume.Count >= _warmUp)
                {
                    volumeZ = (logVolume - state.LogVolume.Mean) / Math.Max(state.LogVolume.StdDev, MinVolumeSigma);
                }

                state.LogVolume.Update(logVolume);
            }

            if (!hasBase)
            {
                return null;
            }

            var r = Math.Log(price / basePrice);
            var warm = state.Volatility.Count >= _warmUp;
            var sigma = Math.Max(Math.Sqrt(state.Volatility.Mean), MinSigma);
            state.Volatility.Update(r * r);
            if (!warm)
            {
                return null;
            }

            var z = r / sigma;
            var move = Math.Exp(r) - 1;
            var absZ = Math.Abs(z);
            var breakout = 0;
            if (!double.IsNaN(high))
            {
                breakout = price > high ? 1 : price < low ? -1 : 0;
            }

            var candidate = 0;
            if (Math.Abs(move) >= _minMove)
            {
                if (absZ >= _threshold)
                {
                    candidate = Math.Sign(z);
                }
                else if (breakout != 0 && absZ >= _breakoutZ && breakout == Math.Sign(z))
                {
                    candidate = breakout;
                }
            }

            var fired = state.Gate.Step(candidate, state.Gate.Active * z >= _exit, ticks, CoolDown);
            if (fired == 0)
            {
                return null;
            }

            var brokeOut = breakout == fired;
            var confidence = RuleConfidence.Logistic(absZ, _threshold, 1.5);
            if (brokeOut)
            {
                confidence = RuleConfidence.Boost(confidence, 0.2);
            }

            if (volumeZ >= _volumeZ)
            {
                confidence = RuleConfidence.Boost(confidence, 0.3);
            }

            var hours = TimeSpan.FromTicks(_lookback).TotalHours;
            return Context.CreateSignal(
                SignalKind.PriceMove,
                tick.Asset.Value,
                tick.Asset,
                DetectorContext.ToDirection(fired),
                Math.Abs(move),
                confidence,
                tick.Timestamp,
                [
                    new("return", move, fired * _minMove),
                    new("zScore", z, fired * _threshold),
                    new("volatility", sigma),
                    new("lookbackHours", hours),
                    new("rangeHigh", double.IsNaN(high) ? 0 : high),
                    new("rangeLow", double.IsNaN(low) ? 0 : low),
                    new("breakout", brokeOut ? 1 : 0),
                    new("volumeZ", volumeZ, _volumeZ),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{tick.Asset.Value} {(fired > 0 ? "up" : "down")} {Math.Abs(move):0.0%} in {hours:0.#} h ({z:0.0}σ){(brokeOut ? (fired > 0 ? ", above its range high" : ", below its range low") : string.Empty)}{(volumeZ >= _volumeZ ? ", on high volume" : string.Empty)}"));
        }
    }
}
