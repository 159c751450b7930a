namespace CryptoIntel.Storage;

/// <summary>One asset's market figures from one source at one time (a row of the snapshot time series).</summary>
/// <param name="Asset">The asset (CoinGecko-style id, e.g. <c>bitcoin</c>).</param>
/// <param name="Source">The provider that reported it, e.g. <c>coingecko</c>.</param>
/// <param name="Timestamp">When the figures were observed (UTC).</param>
/// <param name="PriceUsd">The price in US dollars.</param>
/// <remarks>Identity: (<paramref name="Asset"/>, <paramref name="Source"/>, <paramref name="Timestamp"/>); writing it twice keeps one row.
/// Figures are stored as double precision: about 15 significant digits survive the round trip.</remarks>
public sealed record MarketSnapshot(AssetId Asset, string Source, DateTimeOffset Timestamp, decimal PriceUsd)
{
    /// <summary>Gets the ticker symbol, e.g. <c>BTC</c>.</summary>
    public string? Symbol { get; init; }

    /// <summary>Gets the display name, e.g. <c>Bitcoin</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the 24-hour traded volume in US dollars.</summary>
    public decimal? Volume24hUsd { get; init; }

    /// <summary>Gets the market capitalisation in US dollars.</summary>
    public decimal? MarketCapUsd { get; init; }

    /// <summary>Gets the 24-hour price change in percent.</summary>
    public double? Change24hPercent { get; init; }

    /// <summary>Gets the market-cap rank reported by the source.</summary>
    public int? Rank { get; init; }
}

/// <summary>The whole market's figures from one source at one time.</summary>
/// <param name="Source">The provider, e.g. <c>coingecko</c>.</param>
/// <param name="Timestamp">When they were observed (UTC).</param>
public sealed record GlobalMetrics(string Source, DateTimeOffset Timestamp)
{
    /// <summary>Gets the total market capitalisation in US dollars.</summary>
    public decimal? TotalMarketCapUsd { get; init; }

    /// <summary>Gets the total 24-hour volume in US dollars.</summary>
    public decimal? TotalVolume24hUsd { get; init; }

    /// <summary>Gets Bitcoin's share of the total market cap in percent.</summary>
    public double? BtcDominancePercent { get; init; }

    /// <summary>Gets Ether's share of the total market cap in percent.</summary>
    public double? EthDominancePercent { get; init; }

    /// <summary>Gets the 24-hour change of the total market cap in percent.</summary>
    public double? MarketCapChange24hPercent { get; init; }

    /// <summary>Gets the number of active cryptocurrencies.</summary>
    public int? ActiveCryptocurrencies { get; init; }
}

/// <summary>One bar of a price history at a chosen <see cref="HistoryInterval"/>.</summary>
/// <param name="Timestamp">The start of the bar (UTC); for <see cref="HistoryInterval.Raw"/> the snapshot time.</param>
/// <param name="Open">The first price in the bar.</param>
/// <param name="High">The highest price in the bar.</param>
/// <param name="Low">The lowest price in the bar.</param>
/// <param name="Close">The last price in the bar.</param>
/// <param name="Volume24hUsd">The last reported 24-hour volume in the bar.</param>
/// <param name="MarketCapUsd">The last reported market cap in the bar.</param>
public sealed record PriceBar(DateTimeOffset Timestamp, decimal Open, decimal High, decimal Low, decimal Close, decimal? Volume24hUsd, decimal? MarketCapUsd);

/// <summary>The resolution of a price or TVL history.</summary>
public enum HistoryInterval
{
    /// <summary>Every stored snapshot (kept for the raw retention period, 30 days by default).</summary>
    Raw = 0,

    /// <summary>Hourly bars (kept forever).</summary>
    Hour = 1,

    /// <summary>Daily bars (UTC days, built from the hourly bars).</summary>
    Day = 2,
}

/// <summary>The latest state of one asset: the newest snapshot, and the newest from each source.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Latest">The newest snapshot across sources.</param>
/// <param name="BySource">The newest snapshot of each source, newest first.</param>
public sealed record CoinDetail(AssetId Asset, MarketSnapshot Latest, IReadOnlyList<MarketSnapshot> BySource);

/// <summary>What the main dashboard shows first.</summary>
/// <param name="AsOf">The time of the newest snapshot, or null when nothing is stored.</param>
/// <param name="AssetCount">How many assets have a snapshot within the overview window.</param>
/// <param name="Global">The newest global figures, if any.</param>
/// <param name="FearGreed">The newest Fear &amp; Greed reading, if any.</param>
/// <param name="TopByMarketCap">The largest assets by market cap.</param>
/// <param name="TopGainers">The largest 24-hour risers.</param>
/// <param name="TopLosers">The largest 24-hour fallers.</param>
public sealed record MarketOverview(
    DateTimeOffset? AsOf,
    int AssetCount,
    GlobalMetrics? Global,
    FearGreedReading? FearGreed,
    IReadOnlyList<MarketSnapshot> TopByMarketCap,
    IReadOnlyList<MarketSnapshot> TopGainers,
    IReadOnlyList<MarketSnapshot> TopLosers);

/// <summary>One Fear &amp; Greed index reading.</summary>
/// <param name="Timestamp">The time the value applies to (UTC).</param>
/// <param name="Value">The index, 0 (extreme fear) to 100 (extreme greed).</param>
/// <param name="Classification">The provider's label, e.g. <c>Greed</c>.</param>
public sealed record FearGreedReading(DateTimeOffset Timestamp, int Value, string Classification);
