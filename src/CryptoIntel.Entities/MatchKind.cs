namespace CryptoIntel.Entities;

/// <summary>How an entity was found in the text.</summary>
public enum MatchKind
{
    /// <summary>By its name (<c>Bitcoin</c>).</summary>
    Name = 0,

    /// <summary>By another name it is known by (<c>Ether</c>, <c>MicroStrategy</c>).</summary>
    Alias = 1,

    /// <summary>By its bare ticker (<c>BTC</c>).</summary>
    Symbol = 2,

    /// <summary>By a cashtag (<c>$BTC</c>) or hashtag (<c>#BTC</c>).</summary>
    Cashtag = 3,

    /// <summary>Not in the text: implied by another entity through a link (<c>IBIT</c> implies bitcoin).</summary>
    Linked = 4,
}
