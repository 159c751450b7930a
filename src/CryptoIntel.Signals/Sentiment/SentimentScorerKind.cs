namespace CryptoIntel.Signals.Sentiment;

/// <summary>Which scorer produced a <see cref="SentimentScore"/>.</summary>
public enum SentimentScorerKind
{
    /// <summary>The rule-based crypto lexicon (<see cref="LexiconSentimentScorer"/>), also the fallback of the ML scorer.</summary>
    Lexicon = 0,

    /// <summary>The ML.NET text classifier shipped in the package (<see cref="MlSentimentScorer"/>).</summary>
    MachineLearning = 1,

    /// <summary>
    /// The ML.NET classifier over word n-grams, the lexicon and a sentence embedding (<c>EmbeddingSentimentScorer</c> in
    /// the CryptoIntel.Signals.Embeddings package).
    /// </summary>
    Embedding = 2,
}
