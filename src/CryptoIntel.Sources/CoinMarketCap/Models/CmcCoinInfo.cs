using System.Text.Json.Serialization;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>Static metadata of a cryptocurrency (<c>/v2/cryptocurrency/info</c>): description, links, tags and contracts.</summary>
public sealed record CmcCoinInfo
{
    /// <summary>Gets the CoinMarketCap id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    public required long Id { get; init; }

    /// <summary>Gets the name (<c>name</c>).</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    [JsonPropertyName("symbol")]
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the slug (<c>slug</c>).</summary>
    [JsonPropertyName("slug")]
    public string Slug { get; init; } = string.Empty;

    /// <summary>Gets <c>coin</c> or <c>token</c> (<c>category</c>).</summary>
    [JsonPropertyName("category")]
    public string? Category { get; init; }

    /// <summary>Gets the description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the logo address (<c>logo</c>).</summary>
    [JsonPropertyName("logo")]
    public string? Logo { get; init; }

    /// <summary>Gets the tag slugs (<c>tags</c>).</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>Gets the tag display names (<c>tag-names</c>), in the order of <see cref="Tags"/>.</summary>
    [JsonPropertyName("tag-names")]
    public IReadOnlyList<string>? TagNames { get; init; }

    /// <summary>Gets the links per kind (<c>urls</c>: <c>website</c>, <c>twitter</c>, <c>explorer</c>, <c>source_code</c>, ...).</summary>
    [JsonPropertyName("urls")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? Links { get; init; }

    /// <summary>Gets the chain a token lives on (<c>platform</c>), null for native coins.</summary>
    [JsonPropertyName("platform")]
    public CmcPlatform? Platform { get; init; }

    /// <summary>Gets when CoinMarketCap added it (<c>date_added</c>).</summary>
    [JsonPropertyName("date_added")]
    public DateTimeOffset? DateAdded { get; init; }

    /// <summary>Gets when it launched (<c>date_launched</c>).</summary>
    [JsonPropertyName("date_launched")]
    public DateTimeOffset? DateLaunched { get; init; }

    /// <summary>Gets the X/Twitter handle (<c>twitter_username</c>).</summary>
    [JsonPropertyName("twitter_username")]
    public string? TwitterUsername { get; init; }

    /// <summary>Gets the subreddit (<c>subreddit</c>).</summary>
    [JsonPropertyName("subreddit")]
    public string? Subreddit { get; init; }

    /// <summary>Gets the contract addresses on each chain (<c>contract_address</c>).</summary>
    [JsonPropertyName("contract_address")]
    public IReadOnlyList<CmcContractAddress>? ContractAddresses { get; init; }

    /// <summary>Gets whether the supply is uncapped (<c>infinite_supply</c>).</summary>
    [JsonPropertyName("infinite_supply")]
    public bool? InfiniteSupply { get; init; }

    /// <summary>Gets the self-reported tags (<c>self_reported_tags</c>).</summary>
    [JsonPropertyName("self_reported_tags")]
    public IReadOnlyList<string>? SelfReportedTags { get; init; }
}

/// <summary>A contract of a token on one chain (an item of <c>contract_address</c>).</summary>
/// <param name="Address">The contract address (<c>contract_address</c>).</param>
/// <param name="Platform">The chain (<c>platform</c>).</param>
public sealed record CmcContractAddress(
    [property: JsonPropertyName("contract_address")] string? Address,
    [property: JsonPropertyName("platform")] CmcContractPlatform? Platform);

/// <summary>The chain of a contract (<c>contract_address[].platform</c>).</summary>
/// <param name="Name">The chain's name (<c>name</c>), e.g. <c>BNB Smart Chain (BEP20)</c>.</param>
/// <param name="Coin">The chain's coin (<c>coin</c>).</param>
public sealed record CmcContractPlatform(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("coin")] CmcPlatform? Coin);
