namespace CryptoIntel.Sources.CoinGecko;

/// <summary>What <c>/coins/{id}</c> says about one coin (the parts a market-intelligence user needs; tickers,
/// community and developer data are not requested).</summary>
public sealed record CoinDetail
{
    /// <summary>Gets the CoinGecko id (<c>id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the ticker (<c>symbol</c>).</summary>
    public string Symbol { get; init; } = string.Empty;

    /// <summary>Gets the name (<c>name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Gets the categories (<c>categories</c>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Gets the English description (<c>description.en</c>), HTML included as sent.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the home pages (<c>links.homepage</c>, empty entries removed).</summary>
    public IReadOnlyList<string> Homepages { get; init; } = [];

    /// <summary>Gets the contract address per platform (<c>platforms</c>).</summary>
    public IReadOnlyDictionary<string, string> Platforms { get; init; } = new Dictionary<string, string>();

    /// <summary>Gets the genesis date (<c>genesis_date</c>).</summary>
    public DateOnly? GenesisDate { get; init; }

    /// <summary>Gets the hashing algorithm (<c>hashing_algorithm</c>).</summary>
    public string? HashingAlgorithm { get; init; }

    /// <summary>Gets the rank by market capitalisation (<c>market_cap_rank</c>).</summary>
    public long? MarketCapRank { get; init; }

    /// <summary>Gets the price per quote currency (<c>market_data.current_price</c>).</summary>
    public IReadOnlyDictionary<string, decimal> CurrentPrice { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the market capitalisation per quote currency (<c>market_data.market_cap</c>).</summary>
    public IReadOnlyDictionary<string, decimal> MarketCap { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the 24-hour volume per quote currency (<c>market_data.total_volume</c>).</summary>
    public IReadOnlyDictionary<string, decimal> TotalVolume { get; init; } = new Dictionary<string, decimal>();

    /// <summary>Gets the 24-hour price change in percent (<c>market_data.price_change_percentage_24h</c>).</summary>
    public decimal? PriceChangePercentage24h { get; init; }

    /// <summary>Gets the 7-day price change in percent (<c>market_data.price_change_percentage_7d</c>).</summary>
    public decimal? PriceChangePercentage7d { get; init; }

    /// <summary>Gets the circulating supply (<c>market_data.circulating_supply</c>).</summary>
    public double? CirculatingSupply { get; init; }

    /// <summary>Gets the total supply (<c>market_data.total_supply</c>).</summary>
    public double? TotalSupply { get; init; }

    /// <summary>Gets the maximum supply (<c>market_data.max_supply</c>).</summary>
    public double? MaxSupply { get; init; }

    /// <summary>Gets when the data was updated (<c>last_updated</c>).</summary>
    public DateTimeOffset? LastUpdated { get; init; }
}
