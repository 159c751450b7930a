namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// The scoring step of the signal pipeline: keeps the context (<see cref="SignalContextTracker"/>) from the observations
/// it is shown, scores each signal by the rules or, where the detector's feature flag and rollout say so, by the ML model
/// (falling back to the rules if the model fails), and says whether the signal passes the confidence threshold.
/// </summary>
public interface ISignalScoring
{
    /// <summary>Records a market observation (context and live outcomes).</summary>
    /// <param name="tick">The observation.</param>
    void Observe(MarketTick tick);

    /// <summary>Records a TVL observation (context and live outcomes).</summary>
    /// <param name="observation">The observation.</param>
    void Observe(TvlObservation observation);

    /// <summary>Records a sentiment reading.</summary>
    /// <param name="observation">The reading.</param>
    void Observe(SentimentObservation observation);

    /// <summary>Scores a signal.</summary>
    /// <param name="signal">The signal as the detector emitted it.</param>
    /// <returns>The signal with its <see cref="Signal.Confidence"/> and <see cref="Signal.Scorer"/> set, and whether it passes.</returns>
    ScoredSignal Score(Signal signal);
}

/// <summary>A scored signal.</summary>
/// <param name="Signal">The signal, with the scorer's confidence and name.</param>
/// <param name="Passed">Whether its confidence reaches the threshold of its scorer.</param>
public readonly record struct ScoredSignal(Signal Signal, bool Passed);
