namespace CryptoIntel.Entities;

/// <summary>An entity found in a text, or implied by one that was found.</summary>
/// <param name="Entry">The gazetteer entry: id, kind, name, ticker and category.</param>
/// <param name="Start">The index of the first char of the matched span (for a linked asset: the span of the entity that implies it).</param>
/// <param name="Length">The length of the matched span.</param>
/// <param name="Confidence">How sure the extractor is, from 0 to 1.</param>
/// <param name="Match">How it was found; <see cref="MatchKind.Linked"/> for an implied asset.</param>
public readonly record struct ExtractedEntity(GazetteerEntry Entry, int Start, int Length, double Confidence, MatchKind Match)
{
    /// <summary>Gets the canonical id (the CoinGecko id for assets).</summary>
    public string Id => Entry.Id;

    /// <summary>Gets the kind.</summary>
    public EntityKind Kind => Entry.Kind;

    /// <summary>Gets a value indicating whether this asset is implied by another entity rather than named.</summary>
    public bool IsImplied => Match == MatchKind.Linked;

    /// <summary>Gets the id of the entity that implies this one (<c>ishares-bitcoin-trust</c> for bitcoin via IBIT), when implied.</summary>
    public string? LinkedFrom { get; init; }

    /// <summary>Gets why the link holds (<see cref="LinkKind.Etf"/>, <see cref="LinkKind.Person"/>, ...); <see cref="LinkKind.None"/> when named.</summary>
    public LinkKind Via { get; init; }

    /// <summary>Returns the matched text.</summary>
    /// <param name="text">The text that was analysed.</param>
    /// <returns>The span of <paramref name="text"/> that matched.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The span is outside <paramref name="text"/>.</exception>
    public ReadOnlySpan<char> GetMatchedText(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <inheritdoc />
    public override string ToString() => IsImplied
        ? $"{Entry.Kind} {Entry.Id} (implied by {LinkedFrom}, via {Via}) {Confidence:0.00}"
        : $"{Entry.Kind} {Entry.Id} [{Start},{Start + Length}) {Match} {Confidence:0.00}";
}
