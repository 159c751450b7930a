using CryptoIntel.Signals.Sentiment;

namespace CryptoIntel.Signals.News;

/// <summary>The analysis of one news text.</summary>
/// <param name="Label">The sentiment, from the point of view of a holder of the assets concerned.</param>
/// <param name="Score">The signed sentiment score: −1 (very bad news) .. +1 (very good news).</param>
/// <param name="Source">Who answered: the chat model, or the sentiment scorer it fell back to.</param>
public sealed record NewsAnalysis(SentimentLabel Label, float Score, NewsAnalysisSource Source)
{
    /// <summary>Gets a one-sentence summary written by the chat model; null for a fallback answer.</summary>
    public string? Summary { get; init; }

    /// <summary>
    /// Gets the assets the news is about, as the chat model named them (tickers, upper-cased, de-duplicated); for a
    /// fallback answer on a <see cref="NewsItem"/>, the currencies its source tagged it with; otherwise empty.
    /// </summary>
    public IReadOnlyList<string> Assets { get; init; } = [];
}

/// <summary>Who produced a <see cref="NewsAnalysis"/>.</summary>
public enum NewsAnalysisSource
{
    /// <summary>The chat model (an <c>IChatClient</c>), its answer parsed and validated.</summary>
    Chat = 0,

    /// <summary>
    /// The package's sentiment scorer (ML model, or lexicon), because no chat client is registered or the model's
    /// answer was unusable (timeout, error, empty, truncated, malformed or invalid JSON).
    /// </summary>
    Fallback = 1,
}
