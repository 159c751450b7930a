namespace CryptoIntel.Entities;

/// <summary>Why one entity implies an asset.</summary>
public enum LinkKind
{
    /// <summary>No link: the entity was named in the text.</summary>
    None = 0,

    /// <summary>An ETF holding the asset (IBIT implies bitcoin).</summary>
    Etf = 1,

    /// <summary>A company whose news is about the asset (Strategy buying implies bitcoin; Tether minting implies USDT).</summary>
    Company = 2,

    /// <summary>A person identified with the asset (Vitalik Buterin implies ether).</summary>
    Person = 3,

    /// <summary>A protocol whose token is meant (tokens donated by Hyperliquid are HYPE).</summary>
    Protocol = 4,

    /// <summary>A chain whose native coin is meant.</summary>
    Chain = 5,

    /// <summary>A unit or event of the asset (sats for bitcoin).</summary>
    Alias = 6,
}
