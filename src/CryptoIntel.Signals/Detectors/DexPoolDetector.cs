using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reactive.Concurrency;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using CryptoIntel.Signals.Statistics;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// DEX pool trending and liquidity jumps. Per pool, robust baselines: the medians μ of <c>ln(1 + liquidity)</c> and
/// <c>ln(1 + volume24h)</c> over the last <see cref="DexPoolDetectorOptions.BaselineWindow"/> snapshots (one outlier does
/// not move them). Liquidity jump: <c>j = e^(ln(1+L) − μ_L) − 1</c>, fires when <c>|j| ≥ LiquidityJump</c>
/// (up or down; re-armed when <c>|j|</c> falls below half of it). Trending: <c>ρ = e^(ln(1+V) − μ_V)</c>, fires when
/// <c>ρ ≥ TrendRatio</c> and <c>V ≥ MinVolumeUsd</c> (re-armed when ρ falls below <c>(1 + TrendRatio) / 2</c>). Both need
/// the pool's liquidity (or its baseline, for a drain) at least <c>MinLiquidityUsd</c>, and respect the cool-down;
/// when both fire on one snapshot they make one signal. Subject: <c>pool:&lt;id&gt;</c>; asset: the pool's base asset.
/// Direction: the jump's sign, or up for trending. Magnitude: <c>|j|</c> for a jump, else ρ. Confidence:
/// <c>σ((|j| − J) / J)</c> or <c>σ((ρ − R) / R)</c>, the larger, boosted by β = 0.3 when both fire.
/// A liquidity of 0 is valid (a drained pool).
/// </summary>
public sealed class DexPoolDetector : ISignalDetector<PoolObservation>, IEngineDetector<PoolObservation>
{
    private readonly DexPoolDetectorOptions _options;
    private readonly DetectorContext _context;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">The options; null for the defaults.</param>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public DexPoolDetector(DexPoolDetectorOptions? options = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        _options = options ?? new DexPoolDetectorOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
        _context = new DetectorContext(Name, Version, loggerFactory, meterFactory);
    }

    /// <inheritdoc />
    public string Name => "dex-pool";

    /// <inheritdoc />
    public string Version => "1.0.0";

    /// <inheritdoc />
    public IObservable<Signal> Detect(IObservable<PoolObservation> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return DetectorObservable.Create(source, this);
    }

    /// <inheritdoc />
    IDetectorEngine<PoolObservation> IEngineDetector<PoolObservation>.CreateEngine() => new Engine(_context, _options);

    private sealed class State(int window) : SubjectState
    {
        public readonly RollingRobustWindow Liquidity = new(window);
        public readonly RollingRobustWindow Volume = new(window);
        public FireGate LiquidityGate;
        public FireGate TrendGate;

        public override void Reset()
        {
            Liquidity.Clear();
            Volume.Clear();
            LiquidityGate.Reset();
            TrendGate.Reset();
        }
    }

    private sealed class Engine(DetectorContext context, DexPoolDetectorOptions options)
        : KeyedEngine<PoolObservation, string, State>(context, options, StringComparer.Ordinal)
    {
        private readonly int _window = options.BaselineWindow;
        private readonly int _warmUp = Math.Min(options.WarmUp, options.BaselineWindow);
        private readonly double _jump = options.LiquidityJump;
        private readonly double _trend = options.TrendRatio;
        private readonly double _minLiquidity = options.MinLiquidityUsd;
        private readonly double _minVolume = options.MinVolumeUsd;

        public override string SubjectOf(in PoolObservation input) => input.PoolId ?? string.Empty;

        protected override string? Validate(in PoolObservation input) =>
            string.IsNullOrWhiteSpace(input.PoolId) ? RejectReason.MissingKey
            : !double.IsFinite(input.LiquidityUsd) || !double.IsFinite(input.Volume24hUsd) ? RejectReason.NotFinite
            : input.LiquidityUsd < 0 || input.Volume24hUsd < 0 ? RejectReason.Negative
            : null;

        protected override DateTimeOffset TimestampOf(in PoolObservation input) => input.Timestamp;

        protected override string KeyOf(in PoolObservation input) => input.PoolId;

        protected override State CreateState(in PoolObservation input) => new(_window);

        protected override Signal? Update(State state, in PoolObservation input, long ticks)
        {
            var logLiquidity = Math.Log(1 + input.LiquidityUsd);
            var logVolume = Math.Log(1 + input.Volume24hUsd);
            var warm = state.Liquidity.Count >= _warmUp;
            var liquidityMedian = state.Liquidity.Median();
            var jump = Math.Exp(logLiquidity - liquidityMedian) - 1;
            var ratio = Math.Exp(logVolume - state.Volume.Median());
            var baselineLiquidity = Math.Exp(liquidityMedian) - 1;
            state.Liquidity.Add(logLiquidity);
            state.Volume.Add(logVolume);
            if (!warm)
            {
                return null;
            }

            var liquid = Math.Max(input.LiquidityUsd, baselineLiquidity) >= _minLiquidity;
            var jumpCandidate = liquid && Math.Abs(jump) >= _jump ? Math.Sign(jump) : 0;
            var jumped = state.LiquidityGate.Step(jumpCandidate, state.LiquidityGate.Active * jump >= _jump / 2, ticks, CoolDown);
            var trendCandidate = liquid && input.LiquidityUsd >= _minLiquidity && ratio >= _trend && input.Volume24hUsd >= _minVolume ? 1 : 0;
            var trending = state.TrendGate.Step(trendCandidate, ratio >= (1 + _trend) / 2, ticks, CoolDown);
            if (jumped == 0 && trending == 0)
            {
                return null;
            }

            var confidence = Math.Max(
                jumped != 0 ? RuleConfidence.Logistic(Math.Abs(jump), _jump, _jump) : 0,
                trending != 0 ? RuleConfidence.Logistic(ratio, _trend, _trend) : 0);
            if (jumped != 0 && trending != 0)
            {
                confidence = RuleConfidence.Boost(confidence, 0.3);
            }

            var what = (jumped, trending) switch
            {
                (0, _) => string.Create(CultureInfo.InvariantCulture, $"trending: 24 h volume {ratio:0.0}x its baseline"),
                (_, 0) => string.Create(CultureInfo.InvariantCulture, $"liquidity {jump:+0%;-0%} vs its baseline"),
                _ => string.Create(CultureInfo.InvariantCulture, $"liquidity {jump:+0%;-0%} and 24 h volume {ratio:0.0}x their baselines"),
            };
            return Context.CreateSignal(
                SignalKind.DexPool,
                "pool:" + input.PoolId,
                input.BaseAsset,
                jumped != 0 ? DetectorContext.ToDirection(jumped) : SignalDirection.Up,
                jumped != 0 ? Math.Abs(jump) : ratio,
                confidence,
                input.Timestamp,
                [
                    new("liquidityChange", jump, jumped * _jump),
                    new("volumeRatio", ratio, _trend),
                    new("liquidityUsd", input.LiquidityUsd, _minLiquidity),
                    new("volume24hUsd", input.Volume24hUsd, _minVolume),
                    new("liquidityJump", jumped),
                    new("trending", trending),
                ],
                "pool " + input.PoolId + " " + what);
        }
    }
}
