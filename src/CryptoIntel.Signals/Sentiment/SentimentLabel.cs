namespace CryptoIntel.Signals.Sentiment;

/// <summary>The sentiment of a headline or short text, from an investor's point of view.</summary>
public enum SentimentLabel
{
    /// <summary>Bad news for the asset or company: falls, hacks, lawsuits, outflows, losses.</summary>
    Negative = 0,

    /// <summary>Neither good nor bad news: schedules, routine updates, reports, flat prices.</summary>
    Neutral = 1,

    /// <summary>Good news for the asset or company: rises, records, inflows, approvals, adoption, profits.</summary>
    Positive = 2,
}
