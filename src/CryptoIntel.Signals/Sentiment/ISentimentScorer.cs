namespace CryptoIntel.Signals.Sentiment;

/// <summary>Scores the sentiment of headlines and short news texts. Implementations are thread-safe.</summary>
public interface ISentimentScorer
{
    /// <summary>Scores one text.</summary>
    /// <param name="text">The text (a headline, a tweet, a sentence). Empty text is neutral.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    SentimentScore Score(string text);

    /// <summary>Scores several texts (cheaper per text than calling <see cref="Score"/> for each).</summary>
    /// <param name="texts">The texts.</param>
    /// <returns>One score per text, in the same order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> or one of its items is null.</exception>
    IReadOnlyList<SentimentScore> ScoreBatch(IReadOnlyList<string> texts);
}
