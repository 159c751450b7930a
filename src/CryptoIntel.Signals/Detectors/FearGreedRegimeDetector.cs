using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// Fear &amp; Greed regime change. Regimes: extreme-fear (&lt; 25), fear (25–44), neutral (45–55), greed (56–75),
/// extreme-greed (≥ 76) by default. The first reading sets the regime without a signal; the regime moves up only
/// when <c>value − Margin</c> falls in a higher regime, down only when <c>value + Margin</c> falls in a lower one
/// (hysteresis), and not within the cool-down. Fires on every regime change. Subject: <c>market</c>. Direction: up
/// toward greed, down toward fear. Magnitude: the index value. Confidence: <c>σ((e − Margin) / 5)</c>, where e is how
/// far past the crossed boundary the value is, boosted by β = 0.3 per extra regime jumped.
/// </summary>
public sealed class FearGreedRegimeDetector : ISignalDetector<FearGreedObservation>, IEngineDetector<FearGreedObservation>
{
    private static readonly string[] RegimeNames = ["extreme-fear", "fear", "neutral", "greed", "extreme-greed"];
    private readonly FearGreedRegimeDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public FearGreedRegimeDetector(FearGreedRegimeDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new FearGreedRegimeDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "fear-greed-regime";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public IObservable<Signal> Detect(IObservable<FearGreedObservation> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return DetectorObservable.Create(source, this);
    }

    /// <inheritdoc />
    IDetectorEngine<FearGreedObservation> IEngineDetector<FearGreedObservation>.CreateEngine() => new Engine(_context, _options);

    private sealed class State : SubjectState
    {
        public int Regime = -1;
        public long LastFired = long.MinValue;

        public override void Reset()
        {
            Regime = -1;
            LastFired = long.MinValue;
        }
    }

    private sealed class Engine(DetectorContext context, FearGreedRegimeDetectorOptions options)
        : KeyedEngine<FearGreedObservation, string, State>(context, options, StringComparer.Ordinal)
    {
        private const string Market = "market";
        private readonly int[] _boundaries = [options.FearFrom, options.NeutralFrom, options.GreedFrom, options.ExtremeGreedFrom];
        private readonly int _margin = options.Margin;

        public override string SubjectOf(in FearGreedObservation input) => Market;

        protected override string? Validate(in FearGreedObservation input) =>
            input.Value is < 0 or > 100 ? RejectReason.OutOfRange : null;

        protected override DateTimeOffset TimestampOf(in FearGreedObservation input) => input.Timestamp;

        protected override string KeyOf(in FearGreedObservation input) => Market;

        protected override State CreateState(in FearGreedObservation input) => new();

        protected override Signal? Update(State state, in FearGreedObservation input, long ticks)
        {
            var value = input.Value;
            if (state.Regime < 0)
            {
                state.Regime = RegimeOf(value);
                return null;
            }

            var old = state.Regime;
            var up = RegimeOf(value - _margin);
            var down = RegimeOf(value + _margin);
            var next = up > old ? up : down < old ? down : old;
            if (next == old || (state.LastFired != long.MinValue && ticks - state.LastFired < CoolDown))
            {
                return null;
            }

            state.Regime = next;
            state.LastFired = ticks;
            var boundary = next > old ? _boundaries[next - 1] : _boundaries[next];
            var past = next > old ? value - boundary : boundary - 1 - value;
            var confidence = RuleConfidence.Logistic(past, _margin, 5);
            for (var jump = Math.Abs(next - old); jump > 1; jump--)
            {
                confidence = RuleConfidence.Boost(confidence, 0.3);
            }

            return Context.CreateSignal(
                SignalKind.FearGreedRegime,
                Market,
                null,
                next > old ? SignalDirection.Up : SignalDirection.Down,
                value,
                confidence,
                input.Timestamp,
                [
                    new("value", value, next > old ? boundary + _margin : boundary - 1 - _margin),
                    new("previousRegime", old),
                    new("regime", next),
                ],
                string.Create(CultureInfo.InvariantCulture, $"Fear & Greed {value}: {RegimeNames[old]} → {RegimeNames[next]}"));
        }

        private int RegimeOf(int value)
        {
            var regime = 0;
            while (regime < _boundaries.Length && value >= _boundaries[regime])
            {
                regime++;
            }

            return regime;
        }
    }
}
