using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Statistics;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// Sentiment shift. Per asset: the mean score of the items in the last <see cref="SentimentShiftDetectorOptions.Window"/>
/// (data time) against an EWMA baseline of the items that left the window (so the baseline never contains what it
/// is compared with): <c>z = (m̄ − μ) / (max(σ, MinStdDev) / √n)</c>. Fires when <c>|z| ≥ Threshold</c>,
/// <c>|m̄ − μ| ≥ MinShift</c> and <c>n ≥ MinItems</c>, once per episode (hysteresis at
/// <see cref="SentimentShiftDetectorOptions.ExitThreshold"/>), not within the cool-down. Direction: the sign of the
/// shift. Magnitude: <c>|m̄ − μ|</c>. Confidence: <c>σ((|z| − T) / 1.5)</c>, boosted by β = 0.2 when the window holds
/// at least three times <c>MinItems</c>. Items may share a timestamp; an item id seen among the asset's last 16 items
/// is a duplicate; scores outside −1..1 are skipped.
/// </summary>
public sealed class SentimentShiftDetector : ISignalDetector<SentimentObservation>, IEngineDetector<SentimentObservation>
{
    private readonly SentimentShiftDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public SentimentShiftDetector(SentimentShiftDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new SentimentShiftDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "sentiment-shift";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public IObservable<Signal> Detect(IObservable<SentimentObservation> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return DetectorObservable.Create(source, this);
    }

    /// <inheritdoc />
    IDetectorEngine<SentimentObservation> IEngineDetector<SentimentObservation>.CreateEngine() => new Engine(_context, _options);

    private sealed class State(int capacity, double alpha) : SubjectState
    {
        public const int RecentIds = 16;
        public readonly long[] Times = new long[capacity];
        public readonly double[] Scores = new double[capacity];
        public readonly string?[] Ids = new string?[RecentIds];
        public int Start;
        public int Count;
        public int NextId;
        public double Sum;
        public Ewma Baseline = new(alpha);
        public FireGate Gate;

        public void Pop()
        {
            var score = Scores[Start];
            Baseline.Update(score);
            Sum -= score;
            Start = Start + 1 == Times.Length ? 0 : Start + 1;
            Count--;
        }

        public void Push(long ticks, double score)
        {
            var at = Start + Count;
            at = at >= Times.Length ? at - Times.Length : at;
            Times[at] = ticks;
            Scores[at] = score;
            Sum += score;
            Count++;
        }

        public bool SeenRecently(string id)
        {
            foreach (var seen in Ids)
            {
                if (string.Equals(seen, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            Ids[NextId] = id;
            NextId = (NextId + 1) % RecentIds;
            return false;
        }

        public override void Reset()
        {
            Start = 0;
            Count = 0;
            Sum = 0;
            Baseline.Reset();
            Gate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, SentimentShiftDetectorOptions options)
        : KeyedEngine<SentimentObservation, AssetId, State>(context, options)
    {
        private readonly long _window = options.Window.Ticks;
        private readonly int _capacity = options.MaxWindowItems;
        private readonly double _alpha = Ewma.AlphaFromHalfLife(options.BaselineHalfLife);
        private readonly int _warmUp = options.WarmUp;
        private readonly int _minItems = options.MinItems;
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly double _minShift = options.MinShift;
        private readonly double _minStd = options.MinStdDev;

        protected override bool AllowEqualTimestamps => true;

        public override string SubjectOf(in SentimentObservation input) => input.Asset.Value;

        protected override string? Validate(in SentimentObservation input) =>
            input.Asset.IsEmpty ? RejectReason.MissingKey
            : !double.IsFinite(input.Score) ? RejectReason.NotFinite
            : input.Score is < -1 or > 1 ? RejectReason.OutOfRange
            : null;

        protected override DateTimeOffset TimestampOf(in SentimentObservation input) => input.Timestamp;

        protected override AssetId KeyOf(in SentimentObservation input) => input.Asset;

        protected override State CreateState(in SentimentObservation input) => new(_capacity, _alpha);

        protected override Signal? Update(State state, in SentimentObservation input, long ticks)
        {
            if (input.ItemId is { Length: > 0 } id && state.SeenRecently(id))
            {
                Context.Reject(RejectReason.Duplicate, input.Asset.Value);
                return null;
            }

            while (state.Count > 0 && state.Times[state.Start] < ticks - _window)
            {
                state.Pop();
            }

            if (state.Count == _capacity)
            {
                state.Pop();
            }

            state.Push(ticks, input.Score);
            if (state.Baseline.Count < _warmUp || state.Count < _minItems)
            {
                return null;
            }

            var n = state.Count;
            var mean = state.Sum / n;
            var shift = mean - state.Baseline.Mean;
            var z = shift / (Math.Max(state.Baseline.StdDev, _minStd) / Math.Sqrt(n));
            var candidate = Math.Abs(z) >= _threshold && Math.Abs(shift) >= _minShift ? Math.Sign(z) : 0;
            var fired = state.Gate.Step(candidate, state.Gate.Active * z >= _exit, ticks, CoolDown);
            if (fired == 0)
            {
                return null;
            }

            var confidence = RuleConfidence.Logistic(Math.Abs(z), _threshold, 1.5);
            if (n >= 3 * _minItems)
            {
                confidence = RuleConfidence.Boost(confidence, 0.2);
            }

            var hours = TimeSpan.FromTicks(_window).TotalHours;
            return Context.CreateSignal(
                SignalKind.SentimentShift,
                input.Asset.Value,
                input.Asset,
                DetectorContext.ToDirection(fired),
                Math.Abs(shift),
                confidence,
                input.Timestamp,
                [
                    new("windowMean", mean),
                    new("baselineMean", state.Baseline.Mean),
                    new("shift", shift, fired * _minShift),
                    new("zScore", z, fired * _threshold),
                    new("items", n, _minItems),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{input.Asset.Value} news sentiment {(fired > 0 ? "up" : "down")}: {mean:+0.00;-0.00} over {n} items in {hours:0.#} h vs {state.Baseline.Mean:+0.00;-0.00} baseline ({z:0.0}σ)"));
        }
    }
}
