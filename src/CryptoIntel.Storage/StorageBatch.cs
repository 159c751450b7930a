namespace CryptoIntel.Storage;

/// <summary>
/// One unit of work: everything a collection cycle stores. Filled in memory, then written by
/// <see cref="ICryptoIntelStore.WriteAsync"/> in one transaction, so a crash before or during the write leaves
/// nothing behind, and writing the same batch twice leaves the same rows (every row has a deterministic identity).
/// </summary>
/// <remarks>Not thread-safe: fill it from one thread, or lock around the adds.</remarks>
public sealed class StorageBatch
{
    /// <summary>Gets the market snapshots.</summary>
    public IList<MarketSnapshot> Snapshots { get; } = [];

    /// <summary>Gets the global market figures.</summary>
    public IList<GlobalMetrics> GlobalMetrics { get; } = [];

    /// <summary>Gets the Fear &amp; Greed readings.</summary>
    public IList<FearGreedReading> FearGreed { get; } = [];

    /// <summary>Gets the DeFi protocols' latest states.</summary>
    public IList<DefiProtocol> Protocols { get; } = [];

    /// <summary>Gets the TVL points (protocols and chains).</summary>
    public IList<TvlPoint> Tvl { get; } = [];

    /// <summary>Gets the DEX pool figures.</summary>
    public IList<DexPool> DexPools { get; } = [];

    /// <summary>Gets the news items.</summary>
    public IList<StoredNewsItem> News { get; } = [];

    /// <summary>Gets the entity mentions.</summary>
    public IList<EntityMention> Mentions { get; } = [];

    /// <summary>Gets the signals (with their evidence).</summary>
    public IList<Signal> Signals { get; } = [];

    /// <summary>Gets the signal outcomes.</summary>
    public IList<SignalOutcome> Outcomes { get; } = [];

    /// <summary>Gets the source statuses.</summary>
    public IList<SourceStatus> SourceStatuses { get; } = [];

    /// <summary>Gets the quota use figures.</summary>
    public IList<QuotaUsage> QuotaUsage { get; } = [];

    /// <summary>Gets or sets the cycle's summary, written with the rest.</summary>
    public CycleRecord? Cycle { get; set; }

    /// <summary>Gets how many rows the batch holds.</summary>
    public int Count =>
        Snapshots.Count + GlobalMetrics.Count + FearGreed.Count + Protocols.Count + Tvl.Count + DexPools.Count + News.Count +
        Mentions.Count + Signals.Count + Outcomes.Count + SourceStatuses.Count + QuotaUsage.Count + (Cycle is null ? 0 : 1);
}
