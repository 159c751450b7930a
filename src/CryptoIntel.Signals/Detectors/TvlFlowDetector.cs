using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Statistics;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// TVL inflow / outflow of a protocol (<c>protocol:&lt;slug&gt;</c>) or a chain (<c>chain:&lt;name&gt;</c>). Per
/// subject: the log change over <see cref="TvlFlowDetectorOptions.Lookback"/>, <c>c = ln(max(tvl,1) / max(tvl₋L,1))</c>,
/// and its robust z-score against the median and MAD of the last <see cref="TvlFlowDetectorOptions.Window"/> changes,
/// <c>z = (c − median) / max(1.4826·MAD, 0.005)</c>. Fires when <c>|z| ≥ Threshold</c> and
/// <c>|e^c − 1| ≥ MinChange</c>, once per episode (hysteresis at <see cref="TvlFlowDetectorOptions.ExitThreshold"/>),
/// not within the cool-down. Direction: up = inflow, down = outflow. Magnitude: <c>|e^c − 1|</c>. Confidence:
/// <c>σ((|z| − T) / 2)</c>, boosted by β = 0.2 when the change is at least twice <c>MinChange</c>. A TVL of 0 is
/// valid (a drained protocol); a negative TVL is skipped.
/// </summary>
public sealed class TvlFlowDetector : ISignalDetector<TvlObservation>, IEngineDetector<TvlObservation>
{
    private readonly TvlFlowDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public TvlFlowDetector(TvlFlowDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new TvlFlowDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "tvl-flow";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public IObservable<Signal> Detect(IObservable<TvlObservation> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return DetectorObservable.Create(source, this);
    }

    /// <inheritdoc />
    IDetectorEngine<TvlObservation> IEngineDetector<TvlObservation>.CreateEngine() => new Engine(_context, _options);

    private sealed class State(int history, int window) : SubjectState
    {
        public readonly TimedRing Values = new(history);
        public readonly RollingRobustWindow Changes = new(window);
        public FireGate Gate;

        public override void Reset()
        {
            Values.Clear();
            Changes.Clear();
            Gate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, TvlFlowDetectorOptions options)
        : KeyedEngine<TvlObservation, string, State>(context, options, StringComparer.Ordinal)
    {
        private const double MinScale = 0.005;
        private readonly long _lookback = options.Lookback.Ticks;
        private readonly long _maxGap = options.MaxGap.Ticks;
        private readonly int _history = options.History;
        private readonly int _window = options.Window;
        private readonly int _warmUp = Math.Min(options.WarmUp, options.Window);
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly double _minChange = options.MinChange;

        public override string SubjectOf(in TvlObservation input) => input.Subject ?? string.Empty;

        protected override string? Validate(in TvlObservation input) =>
            string.IsNullOrWhiteSpace(input.Subject) ? RejectReason.MissingKey
            : !double.IsFinite(input.TvlUsd) ? RejectReason.NotFinite
            : input.TvlUsd < 0 ? RejectReason.Negative
            : null;

        protected override DateTimeOffset TimestampOf(in TvlObservation input) => input.Timestamp;

        protected override string KeyOf(in TvlObservation input) => input.Subject;

        protected override State CreateState(in TvlObservation input) => new(_history, _window);

        protected override Signal? Update(State state, in TvlObservation input, long ticks)
        {
            var value = Math.Log(Math.Max(input.TvlUsd, 1));
            var at = state.Values.LatestAtOrBefore(ticks - _lookback);
            var hasBase = at >= 0 && state.Values.TicksAt(at) >= ticks - _lookback - _maxGap;
            var baseValue = hasBase ? state.Values.ValueAt(at) : 0;
            state.Values.Add(ticks, value);
            if (!hasBase)
            {
                return null;
            }

            var change = value - baseValue;
            var changes = state.Changes;
            if (changes.Count < _warmUp)
            {
                changes.Add(change);
                return null;
            }

            var z = changes.RobustZ(change, MinScale);
            changes.Add(change);
            var fraction = Math.Exp(change) - 1;
            var candidate = Math.Abs(z) >= _threshold && Math.Abs(fraction) >= _minChange ? Math.Sign(z) : 0;
            var fired = state.Gate.Step(candidate, state.Gate.Active * z >= _exit, ticks, CoolDown);
            if (fired == 0)
            {
                return null;
            }

            var confidence = RuleConfidence.Logistic(Math.Abs(z), _threshold, 2);
            if (Math.Abs(fraction) >= 2 * _minChange)
            {
                confidence = RuleConfidence.Boost(confidence, 0.2);
            }

            var days = TimeSpan.FromTicks(_lookback).TotalDays;
            return Context.CreateSignal(
                SignalKind.TvlChange,
                input.Subject,
                null,
                DetectorContext.ToDirection(Math.Sign(fraction)),
                Math.Abs(fraction),
                confidence,
                input.Timestamp,
                [
                    new("change", fraction, Math.Sign(fraction) * _minChange),
                    new("zScore", z, fired * _threshold),
                    new("tvlUsd", input.TvlUsd),
                    new("previousTvlUsd", Math.Exp(baseValue)),
                    new("lookbackDays", days),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{input.Subject} TVL {(fraction >= 0 ? "inflow" : "outflow")} {fraction:+0.0%;-0.0%} in {days:0.#} d ({z:0.0}σ robust)"));
        }
    }
}
