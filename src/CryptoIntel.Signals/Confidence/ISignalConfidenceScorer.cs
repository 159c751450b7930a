namespace CryptoIntel.Signals.Confidence;

/// <summary>Estimates the probability that a signal will be borne out, from its evidence and its context at detection time.</summary>
public interface ISignalConfidenceScorer
{
    /// <summary>Gets the scorer's name: <c>rules</c>, or the model's name (the <see cref="Signal.Scorer"/> of what it scores).</summary>
    string Name { get; }

    /// <summary>Scores a signal. Never throws for a bad signal or context: a scorer that cannot answer falls back to the rules.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="context">What was known at detection time.</param>
    /// <returns>The confidence in 0..1 and the scorer that produced it.</returns>
    SignalScore Score(Signal signal, SignalContext context);
}

/// <summary>A confidence and who produced it.</summary>
/// <param name="Confidence">The confidence in 0..1.</param>
/// <param name="Scorer">The scorer's name (<c>rules</c> when a model fell back).</param>
public readonly record struct SignalScore(double Confidence, string Scorer);

/// <summary>The rule-based scorer: the detector's own confidence (clamped to 0..1; NaN reads as 0).</summary>
public sealed class RuleConfidenceScorer : ISignalConfidenceScorer
{
    /// <summary>The scorer's name.</summary>
    public const string ScorerName = "rules";

    /// <summary>Gets the shared instance.</summary>
    public static RuleConfidenceScorer Instance { get; } = new();

    /// <inheritdoc />
    public string Name => ScorerName;

    /// <inheritdoc />
    public SignalScore Score(Signal signal, SignalContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var c = signal.Confidence;
        return new SignalScore(double.IsFinite(c) ? Math.Clamp(c, 0, 1) : 0, ScorerName);
    }
}
