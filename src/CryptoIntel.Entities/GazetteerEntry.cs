namespace CryptoIntel.Entities;

/// <summary>One entity the extractor can find: its identity, kind, the names it goes by and what it implies.</summary>
/// <param name="Id">The canonical id: the CoinGecko id for assets (<c>bitcoin</c>), the DeFi Llama slug for protocols, a slug otherwise.</param>
/// <param name="Kind">What the entity is.</param>
/// <param name="Name">The display name (<c>Bitcoin</c>).</param>
public sealed record GazetteerEntry(string Id, EntityKind Kind, string Name)
{
    /// <summary>Gets the ticker, upper-case (<c>BTC</c>), when the entity has one.</summary>
    public string? Symbol { get; init; }

    /// <summary>Gets other names the entity goes by (<c>Ether</c>, <c>MicroStrategy</c>); empty when none.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets the category from the lists (<c>L1</c>, <c>Meme</c>, <c>Lending</c>, <c>Dexs</c>), when known.</summary>
    public string? Category { get; init; }

    /// <summary>Gets the market-capitalisation rank used as a prior when a ticker is shared; null when unknown.</summary>
    public int? Rank { get; init; }

    /// <summary>Gets the chains the entity lives on (for protocols); empty when unknown.</summary>
    public IReadOnlyList<string> Chains { get; init; } = [];

    /// <summary>Gets the asset id this entity implies (<c>IBIT</c> implies <c>bitcoin</c>), when it implies one.</summary>
    public string? Implies { get; init; }

    /// <summary>Gets when the link to <see cref="Implies"/> applies.</summary>
    /// <value>Defaults to <see cref="LinkCondition.Always"/>.</value>
    public LinkCondition LinkCondition { get; init; }

    /// <summary>
    /// Gets a value indicating whether the name alone is not enough to mean the entity (the name is also a company,
    /// protocol or English word: <c>Chainlink</c> the network, <c>Optimism</c>); such names need nearby context words.
    /// </summary>
    public bool NameNeedsContext { get; init; }

    /// <summary>Gets a value indicating whether the bare ticker is ambiguous (<c>LINK</c>, <c>OP</c>, <c>ONE</c>) and needs a cashtag or context.</summary>
    public bool SymbolNeedsContext { get; init; }

    /// <summary>Gets a value indicating whether the entry is curated (the shipped seed list) rather than from a long full list.</summary>
    public bool IsCurated { get; init; }

    /// <summary>Gets a value indicating whether the entity is an asset (coin, token or stablecoin).</summary>
    public bool IsAsset => Kind is EntityKind.Coin or EntityKind.Token or EntityKind.Stablecoin;
}
