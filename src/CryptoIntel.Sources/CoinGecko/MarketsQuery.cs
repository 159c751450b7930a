namespace CryptoIntel.Sources.CoinGecko;

/// <summary>What <see cref="CoinGeckoClient.GetMarketsAsync"/> asks <c>/coins/markets</c> for.</summary>
public sealed record MarketsQuery
{
    /// <summary>Gets the quote currency (<c>vs_currency</c>).</summary>
    /// <value>The default is USD.</value>
    public FiatCurrency VsCurrency { get; init; } = FiatCurrency.Usd;

    /// <summary>Gets the ids to restrict to (<c>ids</c>), or null for all.</summary>
    public IReadOnlyList<AssetId>? Ids { get; init; }

    /// <summary>Gets the category to restrict to (<c>category</c>), e.g. <c>layer-1</c>.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the order (<c>order</c>).</summary>
    /// <value>The default is <c>market_cap_desc</c>.</value>
    public string Order { get; init; } = "market_cap_desc";

    /// <summary>Gets the rows per page (<c>per_page</c>), 1 to 250.</summary>
    /// <value>The default is 100.</value>
    public int PerPage { get; init; } = 100;

    /// <summary>Gets the page, from 1 (<c>page</c>).</summary>
    /// <value>The default is 1.</value>
    public int Page { get; init; } = 1;

    /// <summary>Gets whether to include the 1-hour and 7-day changes (<c>price_change_percentage=1h,7d</c>).</summary>
    public bool IncludeHourAndWeekChange { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PerPage, 1, nameof(PerPage));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PerPage, 250, nameof(PerPage));
        ArgumentOutOfRangeException.ThrowIfLessThan(Page, 1, nameof(Page));
        ArgumentException.ThrowIfNullOrWhiteSpace(Order, nameof(Order));
    }
}
