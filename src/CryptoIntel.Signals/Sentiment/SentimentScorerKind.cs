namespace CryptoIntel.Signals.Sentiment;

/// <summary>Which scorer produced a <see cref="SentimentScore"/>.</summary>
public enum SentimentScorerKind
{
    /// <summary>The rule-based crypto lexicon (<see cref="LexiconSentimentScorer"/>), also the fallback of the ML scorer.</summary>
    Lexicon = 0,

    /// <summary>The ML.NET text classifier shipped in the package (<see cref="MlSentimentScorer"/>).</summary>
    MachineLearning = 1,
}
