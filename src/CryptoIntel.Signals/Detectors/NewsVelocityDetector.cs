using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Statistics;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// News velocity: a surge of mentions of an entity (e.g. from the entity tracker's interval counts). Per entity: the
/// baseline rate λ is an EWMA of the counts, floored at <see cref="NewsVelocityDetectorOptions.MinBaseline"/>; the
/// Poisson z-score is <c>z = (x − λ) / √λ</c>. Fires when <c>z ≥ Threshold</c>, <c>x ≥ MinCount</c> and
/// <c>x / λ ≥ MinRatio</c>, once per surge (hysteresis at <see cref="NewsVelocityDetectorOptions.ExitThreshold"/>),
/// not within the cool-down. The baseline is fed a winsorized count, <c>min(x, λ + 3√λ)</c>, so a surge does not
/// become its own baseline at once. Direction: neutral (attention, not sentiment). Magnitude: z. Confidence:
/// <c>σ((z − T) / 3)</c>, boosted by β = 0.2 when the ratio is at least twice <c>MinRatio</c>. The subject is the entity
/// id (an asset's CoinGecko id for assets), also listed in <see cref="Signal.Entities"/>.
/// </summary>
public sealed class NewsVelocityDetector : ISignalDetector<MentionObservation>, IEngineDetector<MentionObservation>
{
    private readonly NewsVelocityDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public NewsVelocityDetector(NewsVelocityDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new NewsVelocityDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "news-velocity";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public IObservable<Signal> Detect(IObservable<MentionObservation> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return DetectorObservable.Create(source, this);
    }

    /// <inheritdoc />
    IDetectorEngine<MentionObservation> IEngineDetector<MentionObservation>.CreateEngine() => new Engine(_context, _options);

    private sealed class State(double alpha) : SubjectState
    {
        public Ewma Rate = new(alpha);
        public FireGate Gate;

        public override void Reset()
        {
            Rate.Reset();
            Gate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, NewsVelocityDetectorOptions options)
        : KeyedEngine<MentionObservation, string, State>(context, options, StringComparer.Ordinal)
    {
        private readonly double _alpha = Ewma.AlphaFromHalfLife(options.BaselineHalfLife);
        private readonly int _warmUp = options.WarmUp;
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly int _minCount = options.MinCount;
        private readonly double _minRatio = options.MinRatio;
        private readonly double _minBaseline = options.MinBaseline;

        public override string SubjectOf(in MentionObservation input) => input.EntityId ?? string.Empty;

        protected override string? Validate(in MentionObservation input) =>
            string.IsNullOrWhiteSpace(input.EntityId) ? RejectReason.MissingKey
            : input.Count < 0 ? RejectReason.Negative
            : null;

        protected override DateTimeOffset TimestampOf(in MentionObservation input) => input.Timestamp;

        protected override string KeyOf(in MentionObservation input) => input.EntityId;

        protected override State CreateState(in MentionObservation input) => new(_alpha);

        protected override Signal? Update(State state, in MentionObservation input, long ticks)
        {
            var x = (double)input.Count;
            var lambda = Math.Max(state.Rate.Mean, _minBaseline);
            var warm = state.Rate.Count >= _warmUp;
            state.Rate.Update(Math.Min(x, lambda + (3 * Math.Sqrt(lambda))));
            if (!warm)
            {
                return null;
            }

            var z = (x - lambda) / Math.Sqrt(lambda);
            var ratio = x / lambda;
            var candidate = z >= _threshold && input.Count >= _minCount && ratio >= _minRatio ? 1 : 0;
            if (state.Gate.Step(candidate, z >= _exit, ticks, CoolDown) == 0)
            {
                return null;
            }

            var confidence = RuleConfidence.Logistic(z, _threshold, 3);
            if (ratio >= 2 * _minRatio)
            {
                confidence = RuleConfidence.Boost(confidence, 0.2);
            }

            var signal = Context.CreateSignal(
                SignalKind.NewsVelocity,
                input.EntityId,
                null,
                SignalDirection.Neutral,
                z,
                confidence,
                input.Timestamp,
                [
                    new("mentions", x, _minCount),
                    new("baselineRate", lambda),
                    new("ratio", ratio, _minRatio),
                    new("zScore", z, _threshold),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{input.EntityId} mentioned {input.Count} times, {ratio:0.0}x its usual rate ({z:0.0}σ)"));
            return signal with { Entities = [input.EntityId] };
        }
    }
}
