namespace CryptoIntel.Signals.News;

/// <summary>
/// Analyses news for investors: the sentiment of an item, a one-sentence summary and the assets it is about.
/// Registered by <c>AddChatNewsAnalysis</c> (off by default), which asks a user-supplied LLM through
/// <c>Microsoft.Extensions.AI.IChatClient</c> and falls back to the package's sentiment scorer when the model fails.
/// Implementations are thread-safe.
/// </summary>
public interface INewsAnalyzer
{
    /// <summary>Analyses one headline or short news text.</summary>
    /// <param name="text">The text; empty text is answered by the fallback (neutral).</param>
    /// <param name="cancellationToken">Cancels the analysis (an <see cref="OperationCanceledException"/> is thrown; a timeout of the model is not a cancellation but a fallback).</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    Task<NewsAnalysis> AnalyzeTextAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Analyses one news item: its title, with its summary when the source gives one.</summary>
    /// <param name="item">The news item.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The analysis; a fallback answer lists the currencies the source tagged the item with as its assets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    Task<NewsAnalysis> AnalyzeAsync(NewsItem item, CancellationToken cancellationToken = default);
}
