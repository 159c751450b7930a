using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// Stablecoin de-peg. For the configured stablecoins only (other ticks pass silently), per (asset, source): the
/// deviation <c>d = |p / peg − 1|</c>. Levels: 0 (on peg), 1 (<c>d ≥ Threshold</c>), 2 (<c>d ≥ SevereThreshold</c>).
/// Fires when a higher level than the active one holds for <see cref="DepegDetectorOptions.MinConsecutive"/>
/// observations in a row; the active level returns to 0 only when <c>d &lt; ExitThreshold</c> (hysteresis). The
/// cool-down applies to level 1 only: an escalation to severe always fires. Direction: down below the peg, up above.
/// Magnitude: d. Confidence: <c>σ((d − T) / T)</c>, boosted by β = 0.3 at the severe level.
/// </summary>
public sealed class DepegDetector : ISignalDetector<MarketTick>, IEngineDetector<MarketTick>
{
    private static readonly string[] BuiltInStablecoins =
        ["tether", "usd-coin", "dai", "first-digital-usd", "ethena-usde", "true-usd", "paypal-usd", "usds", "frax", "binance-usd"];

    private readonly DepegDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public DepegDetector(DepegDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new DepegDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "depeg";

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

    private sealed class State : SubjectState
    {
        public int Level;
        public int Run;
        public long LastFired = long.MinValue;

        public override void Reset()
        {
            Level = 0;
            Run = 0;
            LastFired = long.MinValue;
        }
    }

    private sealed class Engine(DetectorContext context, DepegDetectorOptions options)
        : MarketEngine<State>(context, options)
    {
        private readonly HashSet<AssetId> _stablecoins = [.. (options.Stablecoins.Count > 0 ? options.Stablecoins : BuiltInStablecoins).Select(s => new AssetId(s))];
        private readonly double _peg = options.Peg;
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly double _severe = options.SevereThreshold;
        private readonly int _minRun = options.MinConsecutive;

        protected override bool Accepts(in MarketTick input) => _stablecoins.Contains(input.Asset);

        protected override State CreateState(in MarketTick input) => new();

        protected override Signal? Update(State state, in MarketTick tick, long ticks)
        {
            var deviation = (tick.Price / _peg) - 1;
            var d = Math.Abs(deviation);
            if (d < _exit)
            {
                state.Level = 0;
            }

            var level = d >= _severe ? 2 : d >= _threshold ? 1 : 0;
            if (level <= state.Level)
            {
                state.Run = 0;
                return null;
            }

            if (++state.Run < _minRun)
            {
                return null;
            }

            var coolingDown = state.LastFired != long.MinValue && ticks - state.LastFired < CoolDown;
            if (level == 1 && coolingDown)
            {
                return null;
            }

            state.Level = level;
            state.Run = 0;
            state.LastFired = ticks;
            var confidence = RuleConfidence.Logistic(d, _threshold, _threshold);
            if (level == 2)
            {
                confidence = RuleConfidence.Boost(confidence, 0.3);
            }

            return Context.CreateSignal(
                SignalKind.Depeg,
                tick.Asset.Value,
                tick.Asset,
                deviation < 0 ? SignalDirection.Down : SignalDirection.Up,
                d,
                confidence,
                tick.Timestamp,
                [
                    new("deviation", deviation, level == 2 ? _severe : _threshold),
                    new("price", tick.Price, _peg),
                    new("level", level),
                    new("consecutive", _minRun, _minRun),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{tick.Asset.Value} {(level == 2 ? "severely " : string.Empty)}off its peg: {tick.Price:0.0000} ({deviation:+0.00%;-0.00%}) on {tick.Source}"));
        }
    }
}
