using CryptoIntel.Signals.Sentiment.Internal;

namespace CryptoIntel.Signals.Sentiment;

/// <summary>
/// The rule-based sentiment scorer: a crypto and market lexicon written for CryptoIntel ("rekt", "rug pull",
/// "depeg", "ATH", "ETF inflows", "token unlock", "liquidated", "exploit", "listing", ...) with weights, negation
/// ("not approved", "fails to hold"), intensifiers ("record", "massive", "slightly") and the finance rule that
/// a rise of a cost ("losses widened") is bad news. Allocation-light, no model, thread-safe; the baseline of the
/// ML scorer and its fallback.
/// </summary>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    // The net lexicon score is squashed by tanh(net / Scale): |net| above about 1.1 leaves neutral.
    private const float Scale = 2f;

    /// <summary>Gets a shared instance (the scorer has no state).</summary>
    public static LexiconSentimentScorer Instance { get; } = new();

    /// <inheritdoc />
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return FromEvidence(CryptoLexicon.Score(SentimentText.Tokenize(text)));
    }

    /// <inheritdoc />
    public IReadOnlyList<SentimentScore> ScoreBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentScore[texts.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Score(texts[i]);
        }

        return results;
    }

    internal static SentimentScore FromEvidence(LexiconEvidence evidence)
    {
        var s = MathF.Tanh(evidence.Net / Scale);
        var positive = Math.Max(s, 0f);
        var negative = Math.Max(-s, 0f);
        var neutral = 1f - Math.Abs(s);
        var label = positive > neutral ? SentimentLabel.Positive : negative > neutral ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new SentimentScore(label, negative, neutral, positive, SentimentScorerKind.Lexicon);
    }
}
