namespace CryptoIntel.Sources;

/// <summary>The provider plan an API key belongs to; it selects the base address, the key header and the default budget.</summary>
public enum SourcePlan
{
    /// <summary>The free plan (CoinGecko Demo, CoinMarketCap Basic, key-less public APIs).</summary>
    Free = 0,

    /// <summary>A paid plan (CoinGecko Pro, CoinMarketCap paid tiers, DeFi Llama Pro).</summary>
    Paid = 1,
}
