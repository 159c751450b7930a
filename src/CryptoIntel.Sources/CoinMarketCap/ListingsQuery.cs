namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>What <see cref="CoinMarketCapClient.GetListingsAsync"/> asks <c>/v1/cryptocurrency/listings/latest</c> for.</summary>
public sealed record ListingsQuery
{
    /// <summary>Gets the 1-based offset of the first row (<c>start</c>).</summary>
    /// <value>The default is 1.</value>
    public int Start { get; init; } = 1;

    /// <summary>Gets how many rows to return (<c>limit</c>), 1 to 5,000; every 100 rows cost one credit.</summary>
    /// <value>The default is 100 (one credit).</value>
    public int Limit { get; init; } = 100;

    /// <summary>Gets the quote currencies (<c>convert</c>); each one beyond the first costs one more credit.</summary>
    /// <value>The default is USD only.</value>
    public IReadOnlyList<FiatCurrency> Convert { get; init; } = [FiatCurrency.Usd];

    /// <summary>Gets the sort field (<c>sort</c>), e.g. <c>market_cap</c>, <c>volume_24h</c>, <c>percent_change_24h</c>.</summary>
    /// <value>The default is <c>market_cap</c>.</value>
    public string Sort { get; init; } = "market_cap";

    /// <summary>Gets the sort direction (<c>sort_dir</c>: <c>asc</c> or <c>desc</c>), or null for the provider's default.</summary>
    public string? SortDirection { get; init; }

    /// <summary>Gets the type filter (<c>cryptocurrency_type</c>: <c>all</c>, <c>coins</c>, <c>tokens</c>), or null for all.</summary>
    public string? CryptocurrencyType { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Start, 1, nameof(Start));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 1, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Limit, 5000, nameof(Limit));
        ArgumentNullException.ThrowIfNull(Convert, nameof(Convert));
        if (Convert.Count == 0)
        {
            throw new ArgumentException("At least one convert currency is needed.", nameof(Convert));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(Sort, nameof(Sort));
    }
}
