namespace CryptoIntel.Storage;

/// <summary>Whose total value locked a <see cref="TvlPoint"/> measures.</summary>
public enum TvlSeriesKind
{
    /// <summary>A DeFi protocol (subject: its slug, e.g. <c>aave</c>).</summary>
    Protocol = 0,

    /// <summary>A chain (subject: its lower-case name, e.g. <c>ethereum</c>).</summary>
    Chain = 1,
}

/// <summary>One point of a TVL time series.</summary>
/// <param name="Kind">Protocol or chain.</param>
/// <param name="Subject">The protocol slug or chain name (stored lower-case).</param>
/// <param name="Timestamp">When (UTC).</param>
/// <param name="TvlUsd">The total value locked in US dollars.</param>
/// <remarks>Identity: (<paramref name="Kind"/>, <paramref name="Subject"/>, <paramref name="Timestamp"/>).</remarks>
public sealed record TvlPoint(TvlSeriesKind Kind, string Subject, DateTimeOffset Timestamp, decimal TvlUsd);

/// <summary>The latest state of a DeFi protocol (one row per slug, replaced on every write).</summary>
/// <param name="Slug">The protocol's slug, e.g. <c>aave</c> (its identity).</param>
/// <param name="Name">The display name.</param>
/// <param name="UpdatedAt">When the figures were observed (UTC).</param>
public sealed record DefiProtocol(string Slug, string Name, DateTimeOffset UpdatedAt)
{
    /// <summary>Gets the category, e.g. <c>Lending</c>.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the chains it is deployed on.</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];

    /// <summary>Gets the governance token's symbol.</summary>
    public string? Symbol { get; init; }

    /// <summary>Gets the total value locked in US dollars.</summary>
    public decimal? TvlUsd { get; init; }

    /// <summary>Gets the one-day TVL change in percent.</summary>
    public double? Change1dPercent { get; init; }

    /// <summary>Gets the seven-day TVL change in percent.</summary>
    public double? Change7dPercent { get; init; }
}

/// <summary>A chain's newest TVL with its change over a day.</summary>
/// <param name="Chain">The chain (lower-case).</param>
/// <param name="Timestamp">The time of the newest point.</param>
/// <param name="TvlUsd">The newest TVL in US dollars.</param>
/// <param name="Change1dPercent">The change against the newest point at least a day older, when there is one.</param>
public sealed record ChainTvl(string Chain, DateTimeOffset Timestamp, decimal TvlUsd, double? Change1dPercent);

/// <summary>A DEX pool's figures at one time.</summary>
/// <param name="Network">The network, e.g. <c>eth</c>.</param>
/// <param name="Address">The pool's address.</param>
/// <param name="Timestamp">When observed (UTC).</param>
/// <remarks>Identity: (<paramref name="Network"/>, <paramref name="Address"/>, <paramref name="Timestamp"/>); queries return the newest per pool.</remarks>
public sealed record DexPool(string Network, string Address, DateTimeOffset Timestamp)
{
    /// <summary>Gets the pool's name, e.g. <c>WETH / USDC 0.05%</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the DEX, e.g. <c>uniswap_v3</c>.</summary>
    public string? Dex { get; init; }

    /// <summary>Gets the base token's price in US dollars.</summary>
    public decimal? BaseTokenPriceUsd { get; init; }

    /// <summary>Gets the liquidity (reserve) in US dollars.</summary>
    public decimal? ReserveUsd { get; init; }

    /// <summary>Gets the 24-hour volume in US dollars.</summary>
    public decimal? Volume24hUsd { get; init; }

    /// <summary>Gets the 24-hour price change in percent.</summary>
    public double? PriceChange24hPercent { get; init; }

    /// <summary>Gets the number of transactions in 24 hours.</summary>
    public int? Transactions24h { get; init; }
}
