using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Statistics;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// Volume spike: the volume of an asset on one source far above its recent baseline. Per (asset, source), the
/// robust z-score of log volume against the median and MAD of the last <see cref="VolumeSpikeDetectorOptions.Window"/>
/// observations: <c>z = (ln v − median) / max(1.4826·MAD, 0.05)</c>. Fires when <c>z ≥ Threshold</c> and
/// <c>v / e^median ≥ MinRatio</c>, once per episode (re-armed when <c>z &lt; ExitThreshold</c>) and not within the
/// cool-down. Direction: the price change since the previous tick (up, down, or neutral below
/// <see cref="VolumeSpikeDetectorOptions.DirectionalMove"/>). Magnitude: z. Confidence: <c>σ((z − T) / 2)</c>.
/// Zero volume is skipped (reason <c>zero-volume</c>).
/// </summary>
public sealed class VolumeSpikeDetector : ISignalDetector<MarketTick>, IEngineDetector<MarketTick>
{
    private readonly VolumeSpikeDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public VolumeSpikeDetector(VolumeSpikeDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new VolumeSpikeDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "volume-spike";

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

    private sealed class State(int window) : SubjectState
    {
        public readonly RollingRobustWindow Baseline = new(window);
        public double LastPrice;
        public FireGate Gate;

        public override void Reset()
        {
            Baseline.Clear();
            LastPrice = 0;
            Gate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, VolumeSpikeDetectorOptions options)
        : MarketEngine<State>(context, options)
    {
        private const double MinScale = 0.05;
        private readonly int _window = options.Window;
        private readonly int _warmUp = Math.Min(options.WarmUp, options.Window);
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly double _logMinRatio = Math.Log(options.MinRatio);
        private readonly double _directional = options.DirectionalMove;

        protected override string? Validate(in MarketTick input) =>
            MarketTicks.Validate(in input) ?? (input.Volume == 0 ? RejectReason.ZeroVolume : null);

        protected override State CreateState(in MarketTick input) => new(_window);

        protected override Signal? Update(State state, in MarketTick tick, long ticks)
        {
            var logVolume = Math.Log(tick.Volume);
            var previousPrice = state.LastPrice;
            state.LastPrice = tick.Price;
            var baseline = state.Baseline;
            if (baseline.Count < _warmUp)
            {
                baseline.Add(logVolume);
                return null;
            }

            var median = baseline.Median();
            if (logVolume - median < _logMinRatio && state.Gate.Active == 0)
            {
                // Below the ratio no spike can start, and no episode is active whose exit needs z: skip the MAD.
                baseline.Add(logVolume);
                return null;
            }

            var scale = Math.Max(RollingRobustWindow.MadToSigma * baseline.Mad(), MinScale);
            var z = (logVolume - median) / scale;
            baseline.Add(logVolume);

            var candidate = z >= _threshold && logVolume - median >= _logMinRatio ? 1 : 0;
            if (state.Gate.Step(candidate, z >= _exit, ticks, CoolDown) == 0)
            {
                return null;
            }

            var change = previousPrice > 0 ? (tick.Price / previousPrice) - 1 : 0;
            var sign = Math.Abs(change) >= _directional ? Math.Sign(change) : 0;
            var ratio = Math.Exp(logVolume - median);
            var baselineVolume = Math.Exp(median);
            return Context.CreateSignal(
                SignalKind.VolumeSpike,
                tick.Asset.Value,
                tick.Asset,
                DetectorContext.ToDirection(sign),
                z,
                RuleConfidence.Logistic(z, _threshold, 2),
                tick.Timestamp,
                [
                    new("zScore", z, _threshold),
                    new("volume", tick.Volume),
                    new("baselineVolume", baselineVolume),
                    new("ratio", ratio, Math.Exp(_logMinRatio)),
                    new("priceChange", change, _directional),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{tick.Asset.Value} volume {ratio:0.0}x its baseline ({z:0.0}σ robust) on {tick.Source}"));
        }
    }
}
