namespace CryptoIntel.Sources.FearGreed;

/// <summary>One daily value of the Crypto Fear &amp; Greed Index (alternative.me).</summary>
/// <param name="Value">The index, 0 (extreme fear) to 100 (extreme greed) (<c>value</c>, sent as a string).</param>
/// <param name="Classification">The provider's label, e.g. <c>Extreme Fear</c>, <c>Neutral</c>, <c>Greed</c> (<c>value_classification</c>).</param>
/// <param name="Timestamp">The day the value belongs to, UTC (<c>timestamp</c>, Unix seconds sent as a string).</param>
public sealed record FearGreedValue(int Value, string Classification, DateTimeOffset Timestamp)
{
    /// <summary>Gets how long until the next value is published (<c>time_until_update</c>, seconds); only the latest value has it.</summary>
    public TimeSpan? TimeUntilUpdate { get; init; }
}
