namespace CryptoIntel.Storage;

/// <summary>How <see cref="ICryptoIntelStore.GetCoinsAsync"/> orders coins.</summary>
public enum CoinSort
{
    /// <summary>By market cap (default, descending).</summary>
    MarketCap = 0,

    /// <summary>By 24-hour volume.</summary>
    Volume = 1,

    /// <summary>By 24-hour change.</summary>
    Change24h = 2,

    /// <summary>By price.</summary>
    Price = 3,

    /// <summary>By asset id.</summary>
    Asset = 4,
}

/// <summary>Filters and order of the coin list (the newest snapshot of each asset).</summary>
public sealed record CoinQuery : PageQuery
{
    /// <summary>Gets text matched against the asset id, symbol and name (case-insensitive substring).</summary>
    public string? Search { get; init; }

    /// <summary>Gets the source whose snapshots to list; null takes the newest snapshot of any source.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the lowest market cap to include, in US dollars.</summary>
    public decimal? MinMarketCapUsd { get; init; }

    /// <summary>Gets the lowest 24-hour volume to include, in US dollars.</summary>
    public decimal? MinVolume24hUsd { get; init; }

    /// <summary>Gets the assets to restrict the list to (e.g. a watchlist's); null or empty for all.</summary>
    public IReadOnlyList<AssetId>? Assets { get; init; }

    /// <summary>Gets the order.</summary>
    public CoinSort Sort { get; init; } = CoinSort.MarketCap;

    /// <summary>Gets a value indicating whether the order is descending.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Descending { get; init; } = true;
}

/// <summary>How <see cref="ICryptoIntelStore.GetProtocolsAsync"/> orders protocols.</summary>
public enum ProtocolSort
{
    /// <summary>By TVL (default, descending).</summary>
    Tvl = 0,

    /// <summary>By one-day TVL change.</summary>
    Change1d = 1,

    /// <summary>By seven-day TVL change.</summary>
    Change7d = 2,

    /// <summary>By slug.</summary>
    Slug = 3,
}

/// <summary>Filters and order of the DeFi protocol list.</summary>
public sealed record ProtocolQuery : PageQuery
{
    /// <summary>Gets text matched against slug and name (case-insensitive substring).</summary>
    public string? Search { get; init; }

    /// <summary>Gets the category to match exactly (case-insensitive).</summary>
    public string? Category { get; init; }

    /// <summary>Gets a chain the protocol must be deployed on (case-insensitive).</summary>
    public string? Chain { get; init; }

    /// <summary>Gets the lowest TVL to include, in US dollars.</summary>
    public decimal? MinTvlUsd { get; init; }

    /// <summary>Gets the order.</summary>
    public ProtocolSort Sort { get; init; } = ProtocolSort.Tvl;

    /// <summary>Gets a value indicating whether the order is descending.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Descending { get; init; } = true;
}

/// <summary>How <see cref="ICryptoIntelStore.GetDexPoolsAsync"/> orders pools.</summary>
public enum DexPoolSort
{
    /// <summary>By 24-hour volume (default, descending).</summary>
    Volume = 0,

    /// <summary>By liquidity.</summary>
    Liquidity = 1,

    /// <summary>By 24-hour price change.</summary>
    Change24h = 2,
}

/// <summary>Filters and order of the DEX pool list (the newest figures of each pool).</summary>
public sealed record DexPoolQuery : PageQuery
{
    /// <summary>Gets the network to match exactly.</summary>
    public string? Network { get; init; }

    /// <summary>Gets text matched against the pool's name and DEX (case-insensitive substring).</summary>
    public string? Search { get; init; }

    /// <summary>Gets the order.</summary>
    public DexPoolSort Sort { get; init; } = DexPoolSort.Volume;

    /// <summary>Gets a value indicating whether the order is descending.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Descending { get; init; } = true;
}

/// <summary>Filters of the news list (newest first).</summary>
public sealed record NewsQuery : PageQuery
{
    /// <summary>Gets the asset the items must be about.</summary>
    public AssetId? Asset { get; init; }

    /// <summary>Gets the entity the items must mention.</summary>
    public string? EntityId { get; init; }

    /// <summary>Gets the source to match exactly.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the story the items must belong to.</summary>
    public string? StoryId { get; init; }

    /// <summary>Gets text matched against the title (case-insensitive substring).</summary>
    public string? Search { get; init; }

    /// <summary>Gets the earliest publication time to include.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the publication time to stop before.</summary>
    public DateTimeOffset? Until { get; init; }
}

/// <summary>Filters of the story list (newest activity first).</summary>
public sealed record StoryQuery : PageQuery
{
    /// <summary>Gets the earliest last-seen time to include.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the asset one of the story's items must be about.</summary>
    public AssetId? Asset { get; init; }

    /// <summary>Gets the fewest items a story must group.</summary>
    /// <value>The default is 1 (every story).</value>
    public int MinItems { get; init; } = 1;
}

/// <summary>How <see cref="ICryptoIntelStore.GetEntitiesAsync"/> orders entities.</summary>
public enum EntitySort
{
    /// <summary>By mention count (default, descending).</summary>
    Mentions = 0,

    /// <summary>By the newest mention.</summary>
    LastSeen = 1,

    /// <summary>By entity id.</summary>
    EntityId = 2,
}

/// <summary>Filters and order of the entity list.</summary>
public sealed record EntityQuery : PageQuery
{
    /// <summary>Gets the kind to match, e.g. <c>exchange</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>Gets text matched against id and name (case-insensitive substring).</summary>
    public string? Search { get; init; }

    /// <summary>Gets the earliest mention time counted; null counts all.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the order.</summary>
    public EntitySort Sort { get; init; } = EntitySort.Mentions;

    /// <summary>Gets a value indicating whether the order is descending.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Descending { get; init; } = true;
}

/// <summary>Filters of the signal list (newest first).</summary>
public sealed record SignalQuery : PageQuery
{
    /// <summary>Gets the kind to match.</summary>
    public SignalKind? Kind { get; init; }

    /// <summary>Gets the asset to match.</summary>
    public AssetId? Asset { get; init; }

    /// <summary>Gets the subject to match exactly (e.g. a protocol slug).</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the direction to match.</summary>
    public SignalDirection? Direction { get; init; }

    /// <summary>Gets the lowest confidence to include, 0 to 1.</summary>
    public double? MinConfidence { get; init; }

    /// <summary>Gets the earliest detection time to include.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the detection time to stop before.</summary>
    public DateTimeOffset? Until { get; init; }
}
