namespace CryptoIntel.Signals;

/// <summary>The input streams of a <see cref="SignalPipeline"/>; any may be null (that family of detectors then sees nothing).</summary>
public sealed class SignalInputs
{
    /// <summary>Gets the market ticks (candles or ticker snapshots, from one or several sources).</summary>
    public IObservable<MarketTick>? Market { get; init; }

    /// <summary>Gets the TVL observations of protocols and chains.</summary>
    public IObservable<TvlObservation>? Tvl { get; init; }

    /// <summary>Gets the per-item news sentiment.</summary>
    public IObservable<SentimentObservation>? Sentiment { get; init; }

    /// <summary>Gets the mention counts (e.g. from the entity tracker).</summary>
    public IObservable<MentionObservation>? Mentions { get; init; }

    /// <summary>Gets the Fear &amp; Greed readings.</summary>
    public IObservable<FearGreedObservation>? FearGreed { get; init; }

    /// <summary>Gets the DEX pool snapshots.</summary>
    public IObservable<PoolObservation>? Pools { get; init; }
}
