namespace CryptoIntel.Entities;

/// <summary>When a link from an entity to the asset it implies applies.</summary>
public enum LinkCondition
{
    /// <summary>Whenever the entity is found (ETF tickers, Vitalik Buterin).</summary>
    Always = 0,

    /// <summary>Only when the text speaks of buying (Strategy buys, acquires, adds).</summary>
    Buying = 1,

    /// <summary>Only when the text speaks of minting or issuing (Tether mints).</summary>
    Minting = 2,

    /// <summary>Only when the text speaks of tokens (airdrop, tokens donated).</summary>
    Tokens = 3,
}
