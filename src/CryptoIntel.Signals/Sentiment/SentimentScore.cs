namespace CryptoIntel.Signals.Sentiment;

/// <summary>The sentiment of one text: the label, the class probabilities and a signed score.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Negative">The probability of <see cref="SentimentLabel.Negative"/> (0..1).</param>
/// <param name="Neutral">The probability of <see cref="SentimentLabel.Neutral"/> (0..1).</param>
/// <param name="Positive">The probability of <see cref="SentimentLabel.Positive"/> (0..1).</param>
/// <param name="Scorer">The scorer that answered (the ML scorer answers through the lexicon when its model is unavailable).</param>
public sealed record SentimentScore(SentimentLabel Label, float Negative, float Neutral, float Positive, SentimentScorerKind Scorer)
{
    /// <summary>Gets the signed score, <see cref="Positive"/> minus <see cref="Negative"/>: −1 (surely bad) .. +1 (surely good).</summary>
    public float Value => Math.Clamp(Positive - Negative, -1f, 1f);

    /// <summary>Gets the probability of the given label.</summary>
    /// <param name="label">The label.</param>
    /// <returns>Its probability (0..1).</returns>
    public float Probability(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => Negative,
        SentimentLabel.Positive => Positive,
        _ => Neutral,
    };
}
