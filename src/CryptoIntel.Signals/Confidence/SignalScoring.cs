using System.Diagnostics.Metrics;
using System.Reactive.Linq;
using CryptoIntel.Signals.AB;
using CryptoIntel.Signals.Internal;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals.Confidence;

/// <summary>The default <see cref="ISignalScoring"/>.</summary>
internal sealed class SignalScoring : ISignalScoring, IDisposable
{
    private readonly SignalScoringOptions _options;
    private readonly Lazy<ISignalConfidenceScorer> _ml;
    private readonly SignalsTelemetry _telemetry;

    public SignalScoring(SignalScoringOptions options, Func<ISignalConfidenceScorer> mlFactory, IMeterFactory? meterFactory)
    {
        _options = options;
        _ml = new Lazy<ISignalConfidenceScorer>(mlFactory, LazyThreadSafetyMode.ExecutionAndPublication);
        _telemetry = new SignalsTelemetry(meterFactory);
        Tracker = new SignalContextTracker(options.Outcome);
    }

    public SignalContextTracker Tracker { get; }

    public static SignalScoring Create(SignalScoringOptions options, IMeterFactory? meterFactory, ILoggerFactory? loggerFactory) =>
        new(options, () => new MlConfidenceScorer(options.ModelPath, meterFactory, loggerFactory?.CreateLogger<MlConfidenceScorer>()), meterFactory);

    public void Observe(MarketTick tick) => Tracker.Observe(tick);

    public void Observe(TvlObservation observation) => Tracker.Observe(observation);

    public void Observe(SentimentObservation observation) => Tracker.Observe(observation);

    public ScoredSignal Score(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var context = Tracker.Capture(signal);
        var flag = _options.For(signal.Detector);
        var useMl = flag.UseMl && ABAssignment.Bucket(SignalContextTracker.KeyOf(signal), signal.Detector) * 100 < flag.RolloutPercent;
        SignalScore score;
        double threshold;
        if (useMl)
        {
            var ml = _ml.Value;
            score = ml.Score(signal, context);
            threshold = score.Scorer == RuleConfidenceScorer.ScorerName
                ? _options.RulesMinimumConfidence
                : _options.MinimumConfidence ?? (ml as MlConfidenceScorer)?.RecommendedThreshold ?? 0.5;
        }
        else
        {
            score = RuleConfidenceScorer.Instance.Score(signal, context);
            threshold = _options.RulesMinimumConfidence;
        }

        _telemetry.Scored(score.Scorer);
        return new ScoredSignal(signal with { Confidence = score.Confidence, Scorer = score.Scorer }, score.Confidence >= threshold);
    }

    public void Dispose()
    {
        if (_ml.IsValueCreated && _ml.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}

/// <summary>Rx operators over <see cref="ISignalScoring"/>.</summary>
public static class SignalScoringObservableExtensions
{
    /// <summary>Scores every signal and keeps those that pass their scorer's threshold.</summary>
    /// <param name="signals">The detectors' signals.</param>
    /// <param name="scoring">The scoring service.</param>
    /// <returns>The scored signals that pass.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IObservable<Signal> Score(this IObservable<Signal> signals, ISignalScoring scoring)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(scoring);
        return signals.Select(scoring.Score).Where(static s => s.Passed).Select(static s => s.Signal);
    }
}
