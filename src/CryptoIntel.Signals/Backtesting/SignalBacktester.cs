using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoIntel.Signals.Backtesting;

/// <summary>Options of <see cref="SignalBacktester"/>.</summary>
public sealed class BacktestOptions
{
    /// <summary>Gets or sets when a signal counts as borne out, and the context windows.</summary>
    [Required]
    public SignalOutcomeOptions Outcome { get; set; } = new();

    /// <summary>
    /// Gets or sets the time split: signals before it (whose horizon also ends before it) are the training period
    /// (for tuning and for the confidence model), signals at or after it are the reported period.
    /// </summary>
    /// <value>Defaults to 2024-07-01T00:00:00Z: 18 months of the shared hourly data (2023-01 .. 2024-06) to train on,
    /// 7 months (2024-07 .. 2025-01) to report on.</value>
    public DateTimeOffset Split { get; set; } = new(2024, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets or sets the confidence level of the intervals.</summary>
    /// <value>Defaults to 0.95.</value>
    [Range(0.5, 0.999)]
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Gets or sets the number of bootstrap resamples for the interval of the average forward return.</summary>
    /// <value>Defaults to 1,000.</value>
    [Range(100, 100_000)]
    public int BootstrapResamples { get; set; } = 1000;

    /// <summary>Gets or sets the seed of the bootstrap (reports are reproducible).</summary>
    /// <value>Defaults to 42.</value>
    public int Seed { get; set; } = 42;
}

/// <summary>Which part of the time split a signal belongs to.</summary>
public enum BacktestPeriod
{
    /// <summary>Before the split, with its whole horizon before the split: may train and tune.</summary>
    Train = 0,

    /// <summary>Before the split but its horizon crosses it: used for nothing (no leakage either way).</summary>
    Purged = 1,

    /// <summary>At or after the split: the reported period.</summary>
    Report = 2,
}

/// <summary>What followed a signal.</summary>
/// <param name="Hit">Whether the signal was borne out (see <see cref="SignalOutcomeOptions"/>).</param>
/// <param name="LeadTime">For a hit, the time from detection to the first observation that made it a hit.</param>
/// <param name="ForwardReturn">The move at the end of the horizon, signed by the signal's direction (absolute for neutral signals).</param>
public readonly record struct SignalOutcome(bool Hit, TimeSpan? LeadTime, double ForwardReturn);

/// <summary>A signal of a backtest, with its context at detection time and what followed.</summary>
/// <param name="Signal">The signal as the detector emitted it.</param>
/// <param name="Context">What was known at detection time.</param>
/// <param name="Period">Its part of the time split.</param>
/// <param name="Outcome">What followed, or null when the data does not cover its horizon (or has no series for its subject).</param>
public sealed record BacktestSignal(Signal Signal, SignalContext Context, BacktestPeriod Period, SignalOutcome? Outcome);

/// <summary>The signals of one backtest run.</summary>
public sealed class BacktestRun
{
    internal BacktestRun(IReadOnlyList<BacktestSignal> signals, TimeSpan elapsed, int detectorErrors)
    {
        Signals = signals;
        Elapsed = elapsed;
        DetectorErrors = detectorErrors;
    }

    /// <summary>Gets every signal, in detection order.</summary>
    public IReadOnlyList<BacktestSignal> Signals { get; }

    /// <summary>Gets the wall time of the replay and labelling.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Gets the number of detector streams that ended with an error (their signals up to then are kept).</summary>
    public int DetectorErrors { get; }
}

/// <summary>
/// Replays historical series through detectors in virtual time (a <see cref="HistoricalScheduler"/> on the data's
/// timestamps), captures each signal's <see cref="SignalContext"/> as it fires (past data only), labels it by what
/// followed, and reports the track record of the reported period.
/// </summary>
public sealed class SignalBacktester
{
    private readonly BacktestOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a backtester.</summary>
    /// <param name="options">The options; defaults when null.</param>
    /// <param name="logger">The logger.</param>
    public SignalBacktester(BacktestOptions? options = null, ILogger<SignalBacktester>? logger = null)
    {
        _options = options ?? new BacktestOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the options.</summary>
    public BacktestOptions Options => _options;

    /// <summary>Replays the data through the detectors and labels every signal.</summary>
    /// <param name="data">The historical series.</param>
    /// <param name="marketDetectors">The detectors of market ticks.</param>
    /// <param name="tvlDetectors">The detectors of TVL observations, if any.</param>
    /// <returns>The labelled signals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> or <paramref name="marketDetectors"/> is null.</exception>
    public BacktestRun Run(BacktestData data, IEnumerable<ISignalDetector<MarketTick>> marketDetectors, IEnumerable<ISignalDetector<TvlObservation>>? tvlDetectors = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(marketDetectors);
        var started = Stopwatch.GetTimestamp();
        var scheduler = new HistoricalScheduler(data.Start == default ? DateTimeOffset.UnixEpoch : data.Start - TimeSpan.FromHours(1));
        var tracker = new SignalContextTracker(_options.Outcome);
        var captured = new List<(Signal Signal, SignalContext Context)>();
        var errors = 0;
        var subscriptions = new List<IDisposable>();

        var ticks = data.GetMarketTicks();
        var market = Observable.Generate(0, i => i < ticks.Count, i => i + 1, i => ticks[i], i => ticks[i].Timestamp, scheduler)
            .Do(tracker.Observe).Publish();
        var tvlList = data.GetTvlObservations();
        var tvl = Observable.Generate(0, i => i < tvlList.Count, i => i + 1, i => tvlList[i], i => tvlList[i].Timestamp, scheduler)
            .Do(tracker.Observe).Publish();

        void Attach<T>(ISignalDetector<T> detector, IObservable<T> source)
        {
            try
            {
                subscriptions.Add(detector.Detect(source, scheduler).Subscribe(
                    s => captured.Add((s, tracker.Capture(s))),
                    e =>
                    {
                        errors++;
                        Log.BacktestDetectorFailed(_logger, detector.Name, e);
                    }));
            }
#pragma warning disable CA1031 // A detector that cannot even start is reported and the others run.
            catch (Exception e)
#pragma warning restore CA1031
            {
                errors++;
                Log.BacktestDetectorFailed(_logger, detector.Name, e);
            }
        }

        foreach (var detector in marketDetectors)
        {
            Attach(detector, market);
        }

        foreach (var detector in tvlDetectors ?? [])
        {
            Attach(detector, tvl);
        }

        subscriptions.Add(market.Connect());
        subscriptions.Add(tvl.Connect());
        scheduler.Start();
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        var signals = new List<BacktestSignal>(captured.Count);
        foreach (var (signal, context) in captured)
        {
            signals.Add(Label(data, signal, context));
        }

        return new BacktestRun(signals, Stopwatch.GetElapsedTime(started), errors);
    }

    /// <summary>
    /// Reports the track record of the reported period: every labelled signal at or after the split, scored by
    /// <paramref name="scorer"/> (the detectors' own confidence when null) and kept when its confidence is at least
    /// <paramref name="minimumConfidence"/>.
    /// </summary>
    /// <param name="run">The run.</param>
    /// <param name="name">The report's name, e.g. <c>rules</c> or <c>ml</c>.</param>
    /// <param name="scorer">The confidence scorer; null for the detectors' own confidence.</param>
    /// <param name="minimumConfidence">The confidence a signal needs to be kept.</param>
    /// <param name="period">The period to report; <see cref="BacktestPeriod.Report"/> unless you are tuning.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="run"/> or <paramref name="name"/> is null.</exception>
    public BacktestReport Report(BacktestRun run, string name, ISignalConfidenceScorer? scorer = null, double minimumConfidence = 0, BacktestPeriod period = BacktestPeriod.Report)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(name);
        scorer ??= RuleConfidenceScorer.Instance;
        var scored = new List<ScoredOutcome>();
        var unresolved = 0;
        foreach (var s in run.Signals)
        {
            if (s.Period != period)
            {
                continue;
            }

            if (s.Outcome is not { } outcome)
            {
                unresolved++;
                continue;
            }

            var confidence = scorer.Score(s.Signal, s.Context).Confidence;
            if (confidence >= minimumConfidence)
            {
                scored.Add(new ScoredOutcome(s.Signal.Detector, SignalContextTracker.KeyOf(s.Signal), confidence, outcome));
            }
        }

        return BacktestReport.Create(name, scorer.Name, minimumConfidence, period, _options, scored, unresolved);
    }

    private BacktestSignal Label(BacktestData data, Signal signal, SignalContext context)
    {
        var key = SignalContextTracker.KeyOf(signal);
        var (horizon, threshold) = _options.Outcome.RuleFor(key);
        var period = signal.DetectedAt >= _options.Split ? BacktestPeriod.Report
            : signal.DetectedAt + horizon < _options.Split ? BacktestPeriod.Train
            : BacktestPeriod.Purged;
        PriceSeries? series = null;
        if (SignalOutcomeOptions.IsTvl(key))
        {
            data.Tvl.TryGetValue(key, out series);
        }
        else if (key.Length > 0)
        {
            data.Markets.TryGetValue(new AssetId(key), out series);
        }

        var label = series is null ? null : OutcomeRule.Label(series, signal.DetectedAt, signal.Direction, horizon, threshold);
        return new BacktestSignal(signal, context, period, label is { } l ? new SignalOutcome(l.Hit, l.LeadTime, l.ForwardReturn) : null);
    }
}

/// <summary>One labelled, scored signal as the report counts it.</summary>
internal readonly record struct ScoredOutcome(string Detector, string Subject, double Confidence, SignalOutcome Outcome);
