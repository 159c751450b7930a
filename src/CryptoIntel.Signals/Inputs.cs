using System.Diagnostics.CodeAnalysis;

namespace CryptoIntel.Signals;

/// <summary>
/// One market observation of an asset from one source: a candle close or a ticker snapshot. The input of the market
/// detectors (volume spike, price move, de-peg, cross-source divergence).
/// </summary>
/// <param name="Asset">The asset.</param>
/// <param name="Source">The source, e.g. <c>binance</c> or <c>coingecko</c>.</param>
/// <param name="Timestamp">When the values were current (UTC), on the data's clock.</param>
/// <param name="Price">The price in USD (or the quote currency of the stream).</param>
/// <param name="Volume">The volume traded in the interval that ends at <paramref name="Timestamp"/> (0 when unknown).</param>
public readonly record struct MarketTick(AssetId Asset, string Source, DateTimeOffset Timestamp, double Price, double Volume);

/// <summary>A total-value-locked observation of a protocol or a chain.</summary>
/// <param name="Subject">What it measures: <c>protocol:&lt;slug&gt;</c> or <c>chain:&lt;name&gt;</c>, lower case.</param>
/// <param name="Timestamp">When the value was current (UTC).</param>
/// <param name="TvlUsd">The TVL in USD.</param>
public readonly record struct TvlObservation(string Subject, DateTimeOffset Timestamp, double TvlUsd)
{
    private const string ProtocolPrefix = "protocol:";
    private const string ChainPrefix = "chain:";

    /// <summary>Gets the subject of a protocol's TVL (and of the signals about it): <c>protocol:&lt;slug&gt;</c>.</summary>
    /// <param name="slug">The protocol's slug, e.g. <c>aave</c>.</param>
    /// <returns>The subject, lower case.</returns>
    public static string ProtocolSubject(string slug) => ProtocolPrefix + Normalize(slug);

    /// <summary>Gets the subject of a chain's TVL (and of the signals about it): <c>chain:&lt;name&gt;</c>.</summary>
    /// <param name="name">The chain's name, e.g. <c>Ethereum</c>.</param>
    /// <returns>The subject, lower case.</returns>
    public static string ChainSubject(string name) => ChainPrefix + Normalize(name);

    /// <summary>Reads a TVL subject (a protocol's or a chain's) back into its parts.</summary>
    /// <param name="subject">A subject, e.g. a signal's <see cref="Signal.Subject"/>.</param>
    /// <param name="isChain">Whether it names a chain (else a protocol).</param>
    /// <param name="name">The protocol slug or chain name.</param>
    /// <returns>False when the subject is not a TVL subject (e.g. an asset id).</returns>
    public static bool TryParseSubject([NotNullWhen(true)] string? subject, out bool isChain, out string name)
    {
        isChain = subject is not null && subject.StartsWith(ChainPrefix, StringComparison.Ordinal);
        var prefix = isChain ? ChainPrefix.Length : subject is not null && subject.StartsWith(ProtocolPrefix, StringComparison.Ordinal) ? ProtocolPrefix.Length : 0;
        name = prefix > 0 ? subject![prefix..] : string.Empty;
        return name.Length > 0;
    }

    private static string Normalize(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name.Trim().ToLowerInvariant();
    }
}

/// <summary>The sentiment of one news item about one asset.</summary>
/// <param name="Asset">The asset the item mentions.</param>
/// <param name="Timestamp">When the item was published (UTC).</param>
/// <param name="Score">The sentiment in -1 (negative) .. +1 (positive).</param>
/// <param name="ItemId">The news item's id, when known (for evidence and de-duplication).</param>
public readonly record struct SentimentObservation(AssetId Asset, DateTimeOffset Timestamp, double Score, string? ItemId = null);

/// <summary>News mentions of an entity counted over an interval, e.g. from the entity tracker.</summary>
/// <param name="EntityId">The entity id (for assets, the asset id).</param>
/// <param name="Timestamp">The end of the interval (UTC).</param>
/// <param name="Count">The number of mentions in the interval.</param>
public readonly record struct MentionObservation(string EntityId, DateTimeOffset Timestamp, int Count);

/// <summary>A reading of the Crypto Fear &amp; Greed index.</summary>
/// <param name="Timestamp">When the reading was current (UTC).</param>
/// <param name="Value">The index value, 0 (extreme fear) .. 100 (extreme greed).</param>
public readonly record struct FearGreedObservation(DateTimeOffset Timestamp, int Value);

/// <summary>A snapshot of one DEX pool.</summary>
/// <param name="PoolId">The pool id, e.g. <c>eth_0x88e6...</c> (network and address).</param>
/// <param name="Timestamp">When the snapshot was current (UTC).</param>
/// <param name="LiquidityUsd">The pool's reserve (liquidity) in USD.</param>
/// <param name="Volume24hUsd">The pool's 24-hour volume in USD.</param>
/// <param name="BaseAsset">The pool's base asset, when it maps onto one.</param>
public readonly record struct PoolObservation(string PoolId, DateTimeOffset Timestamp, double LiquidityUsd, double Volume24hUsd, AssetId? BaseAsset = null);
