namespace CryptoIntel.Entities;

/// <summary>A coin from a coins list (CoinGecko <c>/coins/list</c>).</summary>
/// <param name="Id">The CoinGecko id (<c>bitcoin</c>).</param>
/// <param name="Symbol">The ticker, any case (<c>btc</c>).</param>
/// <param name="Name">The name (<c>Bitcoin</c>).</param>
public sealed record CoinListing(string Id, string Symbol, string Name);

/// <summary>A DeFi protocol from a protocols list (DeFi Llama <c>/protocols</c>).</summary>
/// <param name="Slug">The DeFi Llama slug (<c>aave-v3</c>).</param>
/// <param name="Name">The name (<c>Aave V3</c>).</param>
/// <param name="Symbol">The token ticker, or null when the protocol has none.</param>
/// <param name="Category">The category (<c>Lending</c>, <c>Dexs</c>, <c>CEX</c>).</param>
public sealed record ProtocolListing(string Slug, string Name, string? Symbol, string? Category)
{
    /// <summary>Gets the total value locked in US dollars, when known; used as a prior.</summary>
    public decimal? TvlUsd { get; init; }

    /// <summary>Gets the chains the protocol is deployed on; empty when unknown.</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];
}

/// <summary>An exchange from an exchanges list.</summary>
/// <param name="Id">The exchange id or slug (<c>binance-cex</c>).</param>
/// <param name="Name">The name (<c>Binance CEX</c>).</param>
/// <param name="Kind">The kind as the list gives it (<c>cex</c>, <c>dex</c>, <c>exchange</c>).</param>
public sealed record ExchangeListing(string Id, string Name, string? Kind);
