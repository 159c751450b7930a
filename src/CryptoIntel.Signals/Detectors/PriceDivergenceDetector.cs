using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// Cross-source price divergence (CoinGecko vs CoinMarketCap vs Binance...). Per asset: the latest price of each
/// source; on every tick, among the sources whose latest price is within <see cref="PriceDivergenceDetectorOptions.Tolerance"/>
/// of it (data time), the spread <c>s = max / min − 1</c>. Fires when at least two sources are compared and
/// <c>s ≥ Threshold</c>, once per episode (hysteresis at <see cref="PriceDivergenceDetectorOptions.ExitThreshold"/>),
/// not within the cool-down. Direction: neutral. Magnitude: s. Confidence: <c>σ((s − T) / T)</c>, boosted by β = 0.2
/// when three or more sources are compared. Ticks of one source must come in order; sources may interleave.
/// </summary>
public sealed class PriceDivergenceDetector : ISignalDetector<MarketTick>, IEngineDetector<MarketTick>
{
    private readonly PriceDivergenceDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public PriceDivergenceDetector(PriceDivergenceDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new PriceDivergenceDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "price-divergence";

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

    private sealed class State(int maxSources) : SubjectState
    {
        public readonly string[] Sources = new string[maxSources];
        public readonly double[] Prices = new double[maxSources];
        public readonly long[] Times = new long[maxSources];
        public int Count;
        public FireGate Gate;

        public int Find(string source)
        {
            for (var i = 0; i < Count; i++)
            {
                if (ReferenceEquals(Sources[i], source) || string.Equals(Sources[i], source, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        public int AddOrReplaceStalest(string source)
        {
            var slot = Count;
            if (Count < Sources.Length)
            {
                Count++;
            }
            else
            {
                slot = 0;
                for (var i = 1; i < Count; i++)
                {
                    if (Times[i] < Times[slot])
                    {
                        slot = i;
                    }
                }
            }

            Sources[slot] = source;
            return slot;
        }

        public override void Reset()
        {
            Count = 0;
            Gate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, PriceDivergenceDetectorOptions options)
        : KeyedEngine<MarketTick, AssetId, State>(context, options)
    {
        private readonly long _tolerance = options.Tolerance.Ticks;
        private readonly double _threshold = options.Threshold;
        private readonly double _exit = options.ExitThreshold;
        private readonly int _maxSources = options.MaxSources;

        protected override bool CheckOrder => false;

        public override string SubjectOf(in MarketTick input) => input.Asset.Value;

        protected override string? Validate(in MarketTick input) => MarketTicks.Validate(in input);

        protected override DateTimeOffset TimestampOf(in MarketTick input) => input.Timestamp;

        protected override AssetId KeyOf(in MarketTick input) => input.Asset;

        protected override State CreateState(in MarketTick input) => new(_maxSources);

        protected override Signal? Update(State state, in MarketTick tick, long ticks)
        {
            var slot = state.Find(tick.Source);
            if (slot >= 0 && ticks <= state.Times[slot])
            {
                Context.Reject(ticks == state.Times[slot] ? RejectReason.Duplicate : RejectReason.OutOfOrder, tick.Asset.Value);
                return null;
            }

            if (slot < 0)
            {
                slot = state.AddOrReplaceStalest(tick.Source);
            }

            state.Prices[slot] = tick.Price;
            state.Times[slot] = ticks;
            if (state.Count < 2)
            {
                return null;
            }

            int lowAt = -1, highAt = -1, compared = 0;
            for (var i = 0; i < state.Count; i++)
            {
                if (Math.Abs(state.Times[i] - ticks) > _tolerance)
                {
                    continue;
                }

                compared++;
                if (lowAt < 0 || state.Prices[i] < state.Prices[lowAt])
                {
                    lowAt = i;
                }

                if (highAt < 0 || state.Prices[i] > state.Prices[highAt])
                {
                    highAt = i;
                }
            }

            if (compared < 2)
            {
                return null;
            }

            var spread = (state.Prices[highAt] / state.Prices[lowAt]) - 1;
            if (state.Gate.Step(spread >= _threshold ? 1 : 0, spread >= _exit, ticks, CoolDown) == 0)
            {
                return null;
            }

            var confidence = RuleConfidence.Logistic(spread, _threshold, _threshold);
            if (compared >= 3)
            {
                confidence = RuleConfidence.Boost(confidence, 0.2);
            }

            string low = state.Sources[lowAt], high = state.Sources[highAt];
            return Context.CreateSignal(
                SignalKind.PriceDivergence,
                tick.Asset.Value,
                tick.Asset,
                SignalDirection.Neutral,
                spread,
                confidence,
                tick.Timestamp,
                [
                    new("spread", spread, _threshold),
                    new("price:" + low, state.Prices[lowAt]),
                    new("price:" + high, state.Prices[highAt]),
                    new("sources", compared, 2),
                ],
                string.Create(CultureInfo.InvariantCulture, $"{tick.Asset.Value} prices diverge {spread:0.00%} across {compared} sources: {low} {state.Prices[lowAt]:G6} vs {high} {state.Prices[highAt]:G6}"));
        }
    }
}
