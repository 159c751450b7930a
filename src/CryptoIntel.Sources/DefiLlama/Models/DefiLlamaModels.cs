using System.Text.Json.Serialization;
using CryptoIntel.Sources.DefiLlama.Internal;

namespace CryptoIntel.Sources.DefiLlama;

/// <summary>A value at a moment: a TVL sample (<c>{date,totalLiquidityUSD}</c>, <c>{date,tvl}</c>) or a fees sample (<c>[date,value]</c>).</summary>
/// <param name="Date">The moment (UTC; DeFi Llama sends Unix seconds).</param>
/// <param name="Value">The value in USD.</param>
public readonly record struct DefiLlamaPoint(DateTimeOffset Date, decimal Value);

/// <summary>A protocol of <c>/protocols</c> with its current TVL, per-chain TVL and changes.</summary>
public sealed record DefiLlamaProtocol
{
    /// <summary>Gets DeFi Llama's id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Gets the slug used by <see cref="DefiLlamaClient.GetProtocolAsync"/> (<c>slug</c>).</summary>
    [JsonPropertyName("slug")]
    public string? Slug { get; init; }

    /// <summary>Gets the token's ticker (<c>symbol</c>), <c>-</c> when there is none.</summary>
    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    /// <summary>Gets the category (<c>category</c>), e.g. <c>Lending</c> or <c>Dexs</c>.</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>Gets the chains it is deployed on (<c>chains</c>).</summary>
    [JsonPropertyName("chains")]
    public IReadOnlyList<string> Chains { get; init => field = value ?? []; } = [];

    /// <summary>Gets the total value locked in USD (<c>tvl</c>).</summary>
    [JsonPropertyName("tvl")]
    public decimal? Tvl { get; init; }

    /// <summary>Gets the TVL per chain in USD (<c>chainTvls</c>; keys include variants such as <c>Ethereum-borrowed</c>).</summary>
    [JsonPropertyName("chainTvls")]
    public IReadOnlyDictionary<string, decimal?> ChainTvls { get; init => field = value ?? Empty; } = Empty;

    private static readonly IReadOnlyDictionary<string, decimal?> Empty = new Dictionary<string, decimal?>();

    /// <summary>Gets the 1-hour TVL change in percent (<c>change_1h</c>).</summary>
    [JsonPropertyName("change_1h")]
    public decimal? Change1h { get; init; }

    /// <summary>Gets the 1-day TVL change in percent (<c>change_1d</c>).</summary>
    [JsonPropertyName("change_1d")]
    public decimal? Change1d { get; init; }

    /// <summary>Gets the 7-day TVL change in percent (<c>change_7d</c>).</summary>
    [JsonPropertyName("change_7d")]
    public decimal? Change7d { get; init; }

    /// <summary>Gets the token's market capitalisation in USD (<c>mcap</c>).</summary>
    [JsonPropertyName("mcap")]
    public decimal? MarketCap { get; init; }

    /// <summary>Gets the token's CoinGecko id (<c>gecko_id</c>), which is an <see cref="AssetId"/> value.</summary>
    [JsonPropertyName("gecko_id")]
    public string? GeckoId { get; init; }

    /// <summary>Gets the token's CoinMarketCap id (<c>cmcId</c>).</summary>
    [JsonPropertyName("cmcId")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CmcId { get; init; }
}

/// <summary>A protocol's detail (<c>/protocol/{slug}</c>): its TVL history, overall and per chain.</summary>
public sealed record DefiLlamaProtocolDetail
{
    /// <summary>Gets DeFi Llama's id (<c>id</c>), e.g. <c>parent#aave</c> for a parent protocol.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the token's ticker (<c>symbol</c>).</summary>
    public string? Symbol { get; init; }

    /// <summary>Gets the category (<c>category</c>).</summary>
    public string? Category { get; init; }

    /// <summary>Gets the chains it is deployed on (<c>chains</c>).</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];

    /// <summary>Gets the token's CoinGecko id (<c>gecko_id</c>).</summary>
    public string? GeckoId { get; init; }

    /// <summary>Gets the current TVL per chain in USD (<c>currentChainTvls</c>).</summary>
    public IReadOnlyDictionary<string, decimal> CurrentChainTvls { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the TVL history over all chains, oldest first (<c>tvl[]</c>: <c>date</c>, <c>totalLiquidityUSD</c>); empty when not sent.</summary>
    public IReadOnlyList<DefiLlamaPoint> Tvl { get; init; } = [];

    /// <summary>Gets the TVL history per chain (<c>chainTvls.{chain}.tvl[]</c>); token breakdowns are not kept.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DefiLlamaPoint>> ChainTvls { get; init; } = new Dictionary<string, IReadOnlyList<DefiLlamaPoint>>();
}

/// <summary>A chain of <c>/v2/chains</c> with its current TVL.</summary>
public sealed record DefiLlamaChain
{
    /// <summary>Gets the name (<c>name</c>), e.g. <c>Ethereum</c>; <see cref="Chain"/> lower-cases it.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the total value locked in USD (<c>tvl</c>).</summary>
    [JsonPropertyName("tvl")]
    public decimal? Tvl { get; init; }

    /// <summary>Gets the native token's ticker (<c>tokenSymbol</c>).</summary>
    [JsonPropertyName("tokenSymbol")]
    public string? TokenSymbol { get; init; }

    /// <summary>Gets the native token's CoinGecko id (<c>gecko_id</c>).</summary>
    [JsonPropertyName("gecko_id")]
    public string? GeckoId { get; init; }

    /// <summary>Gets the native token's CoinMarketCap id (<c>cmcId</c>).</summary>
    [JsonPropertyName("cmcId")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? CmcId { get; init; }

    /// <summary>Gets the EVM chain id (<c>chainId</c>), as text since non-EVM chains send other values or null.</summary>
    [JsonPropertyName("chainId")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ChainId { get; init; }

    /// <summary>Gets the chain as a <see cref="CryptoIntel.Chain"/>, or <c>default</c> when it has no name.</summary>
    /// <returns>The chain.</returns>
    public Chain ToChain() => string.IsNullOrWhiteSpace(Name) ? default : new Chain(Name);
}

/// <summary>A stablecoin of <c>/stablecoins</c> with its circulation and peg price.</summary>
public sealed record DefiLlamaStablecoin
{
    /// <summary>Gets DeFi Llama's id (<c>id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    public string? Symbol { get; init; }

    /// <summary>Gets the CoinGecko id (<c>gecko_id</c>).</summary>
    public string? GeckoId { get; init; }

    /// <summary>Gets what it is pegged to (<c>pegType</c>), e.g. <c>peggedUSD</c>; the key of <see cref="Circulating"/>.</summary>
    public string? PegType { get; init; }

    /// <summary>Gets how the peg is held (<c>pegMechanism</c>), e.g. <c>fiat-backed</c>, <c>crypto-backed</c>, <c>algorithmic</c>.</summary>
    public string? PegMechanism { get; init; }

    /// <summary>Gets the circulating amount per peg (<c>circulating</c>), e.g. <c>peggedUSD</c>.</summary>
    public IReadOnlyDictionary<string, decimal> Circulating { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the circulating amount a day earlier (<c>circulatingPrevDay</c>), when sent.</summary>
    public IReadOnlyDictionary<string, decimal> CirculatingPrevDay { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the chains it circulates on (<c>chains</c>).</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];

    /// <summary>Gets the current circulating amount per chain and peg (<c>chainCirculating.{chain}.current</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> ChainCirculating { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();

    /// <summary>Gets the market price in USD (<c>price</c>; with <c>includePrices=true</c>), null when unknown; compare with 1 to watch the peg.</summary>
    public decimal? Price { get; init; }

    /// <summary>Gets the circulating amount in its own peg (<see cref="Circulating"/>[<see cref="PegType"/>]), or null.</summary>
    public decimal? CirculatingInPeg => PegType is { } peg && Circulating.TryGetValue(peg, out var amount) ? amount : null;
}

/// <summary>A yield pool of <c>yields.llama.fi/pools</c>.</summary>
public sealed record DefiLlamaYieldPool
{
    /// <summary>Gets the pool id (<c>pool</c>), a UUID.</summary>
    [JsonPropertyName("pool")]
    public required string Pool { get; init; }

    /// <summary>Gets the chain (<c>chain</c>).</summary>
    [JsonPropertyName("chain")]
    public string? Chain { get; init; }

    /// <summary>Gets the protocol slug (<c>project</c>).</summary>
    [JsonPropertyName("project")]
    public string? Project { get; init; }

    /// <summary>Gets the pool's token symbols (<c>symbol</c>), e.g. <c>USDC-WETH</c>.</summary>
    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    /// <summary>Gets the value locked in USD (<c>tvlUsd</c>).</summary>
    [JsonPropertyName("tvlUsd")]
    public decimal? TvlUsd { get; init; }

    /// <summary>Gets the total APY in percent (<c>apy</c>).</summary>
    [JsonPropertyName("apy")]
    public decimal? Apy { get; init; }

    /// <summary>Gets the base APY in percent, from fees or interest (<c>apyBase</c>).</summary>
    [JsonPropertyName("apyBase")]
    public decimal? ApyBase { get; init; }

    /// <summary>Gets the reward APY in percent, from incentives (<c>apyReward</c>).</summary>
    [JsonPropertyName("apyReward")]
    public decimal? ApyReward { get; init; }

    /// <summary>Gets the 1-day APY change in percentage points (<c>apyPct1D</c>).</summary>
    [JsonPropertyName("apyPct1D")]
    public decimal? ApyChange1d { get; init; }

    /// <summary>Gets the 7-day APY change in percentage points (<c>apyPct7D</c>).</summary>
    [JsonPropertyName("apyPct7D")]
    public decimal? ApyChange7d { get; init; }

    /// <summary>Gets the 30-day APY change in percentage points (<c>apyPct30D</c>).</summary>
    [JsonPropertyName("apyPct30D")]
    public decimal? ApyChange30d { get; init; }

    /// <summary>Gets the 30-day mean APY in percent (<c>apyMean30d</c>).</summary>
    [JsonPropertyName("apyMean30d")]
    public decimal? ApyMean30d { get; init; }

    /// <summary>Gets whether the pool holds only stablecoins (<c>stablecoin</c>).</summary>
    [JsonPropertyName("stablecoin")]
    public bool? Stablecoin { get; init; }

    /// <summary>Gets the impermanent-loss risk (<c>ilRisk</c>: <c>yes</c> or <c>no</c>).</summary>
    [JsonPropertyName("ilRisk")]
    public string? IlRisk { get; init; }

    /// <summary>Gets the exposure (<c>exposure</c>: <c>single</c> or <c>multi</c>).</summary>
    [JsonPropertyName("exposure")]
    public string? Exposure { get; init; }

    /// <summary>Gets extra pool information (<c>poolMeta</c>), e.g. a lock period.</summary>
    [JsonPropertyName("poolMeta")]
    public string? PoolMeta { get; init; }

    /// <summary>Gets the reward token addresses (<c>rewardTokens</c>), null when none.</summary>
    [JsonPropertyName("rewardTokens")]
    public IReadOnlyList<string?>? RewardTokens { get; init; }

    /// <summary>Gets the underlying token addresses (<c>underlyingTokens</c>).</summary>
    [JsonPropertyName("underlyingTokens")]
    public IReadOnlyList<string?>? UnderlyingTokens { get; init; }

    /// <summary>Gets the 1-day volume in USD (<c>volumeUsd1d</c>), for DEX pools.</summary>
    [JsonPropertyName("volumeUsd1d")]
    public decimal? VolumeUsd1d { get; init; }

    /// <summary>Gets the 7-day volume in USD (<c>volumeUsd7d</c>), for DEX pools.</summary>
    [JsonPropertyName("volumeUsd7d")]
    public decimal? VolumeUsd7d { get; init; }

    /// <summary>Gets DeFi Llama's APY outlook (<c>predictions</c>).</summary>
    [JsonPropertyName("predictions")]
    public DefiLlamaYieldPrediction? Prediction { get; init; }
}

/// <summary>DeFi Llama's outlook for a pool's APY (<c>predictions</c>).</summary>
/// <param name="PredictedClass">The class (<c>predictedClass</c>), e.g. <c>Stable/Up</c> or <c>Down</c>.</param>
/// <param name="PredictedProbability">The probability in percent (<c>predictedProbability</c>).</param>
/// <param name="BinnedConfidence">The confidence bin, 1 to 3 (<c>binnedConfidence</c>).</param>
public sealed record DefiLlamaYieldPrediction(
    [property: JsonPropertyName("predictedClass")] string? PredictedClass,
    [property: JsonPropertyName("predictedProbability")] decimal? PredictedProbability,
    [property: JsonPropertyName("binnedConfidence")] int? BinnedConfidence);

/// <summary>A current price of <c>coins.llama.fi/prices/current</c>, in USD.</summary>
/// <param name="Key">The coin key as sent back, e.g. <c>coingecko:bitcoin</c> or <c>ethereum:0x…</c>.</param>
/// <param name="Price">The price in USD (<c>price</c>).</param>
/// <param name="Symbol">The ticker (<c>symbol</c>).</param>
/// <param name="Timestamp">When the price was observed (<c>timestamp</c>, Unix seconds).</param>
/// <param name="Confidence">DeFi Llama's confidence, 0 to 1 (<c>confidence</c>).</param>
/// <param name="Decimals">The token's decimals (<c>decimals</c>), for chain tokens.</param>
public sealed record DefiLlamaCoinPrice(string Key, decimal Price, string? Symbol, DateTimeOffset? Timestamp, double? Confidence, int? Decimals)
{
    /// <summary>Gets this price as a normalized <see cref="PricePoint"/> in USD.</summary>
    /// <param name="asset">The asset; when omitted, taken from a <c>coingecko:</c> key.</param>
    /// <returns>The price point, or null when the asset is unknown or there is no timestamp.</returns>
    public PricePoint? ToPricePoint(AssetId? asset = null)
    {
        var id = asset ?? (Key.StartsWith("coingecko:", StringComparison.OrdinalIgnoreCase) && Key.Length > 10 ? new AssetId(Key[10..]) : (AssetId?)null);
        return id is { IsEmpty: false } a && Timestamp is { } at ? new PricePoint(a, DefiLlamaClient.ProviderName, at, Price, FiatCurrency.Usd) : null;
    }
}

/// <summary>A protocol's fees or revenue (<c>/summary/fees/{protocol}</c>).</summary>
public sealed record DefiLlamaFeesSummary
{
    /// <summary>Gets DeFi Llama's id (<c>id</c>).</summary>
    public string? Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the slug (<c>slug</c>).</summary>
    public string? Slug { get; init; }

    /// <summary>Gets the category (<c>category</c>).</summary>
    public string? Category { get; init; }

    /// <summary>Gets the chains (<c>chains</c>).</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];

    /// <summary>Gets the last 24 hours' total in USD (<c>total24h</c>).</summary>
    public decimal? Total24h { get; init; }

    /// <summary>Gets the previous 24 hours' total in USD (<c>total48hto24h</c>).</summary>
    public decimal? Total48hTo24h { get; init; }

    /// <summary>Gets the last 7 days' total in USD (<c>total7d</c>).</summary>
    public decimal? Total7d { get; init; }

    /// <summary>Gets the all-time total in USD (<c>totalAllTime</c>).</summary>
    public decimal? TotalAllTime { get; init; }

    /// <summary>Gets the 1-day change in percent (<c>change_1d</c>).</summary>
    public decimal? Change1d { get; init; }

    /// <summary>Gets the daily totals, oldest first (<c>totalDataChart</c>: <c>[date, value]</c>).</summary>
    public IReadOnlyList<DefiLlamaPoint> DailyTotals { get; init; } = [];
}
