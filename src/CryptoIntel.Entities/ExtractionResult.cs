namespace CryptoIntel.Entities;

/// <summary>What <see cref="EntityExtractor"/> found in one text.</summary>
public sealed class ExtractionResult
{
    internal ExtractionResult(IReadOnlyList<ExtractedEntity> entities, IReadOnlyList<ExtractedAmount> amounts, bool isTruncated)
    {
        Entities = entities;
        Amounts = amounts;
        IsTruncated = isTruncated;
    }

    /// <summary>Gets an empty result.</summary>
    public static ExtractionResult Empty { get; } = new([], [], false);

    /// <summary>Gets the entities in text order; literal mentions first, then the assets they imply (<see cref="ExtractedEntity.IsImplied"/>).</summary>
    public IReadOnlyList<ExtractedEntity> Entities { get; }

    /// <summary>Gets the money amounts, percentages and quantities, in text order.</summary>
    public IReadOnlyList<ExtractedAmount> Amounts { get; }

    /// <summary>Gets a value indicating whether the text was longer than <see cref="EntityExtractorOptions.MaxTextLength"/> and only its start was read.</summary>
    public bool IsTruncated { get; }

    /// <summary>Returns the distinct ids of the assets named in the text (not implied), in order of first mention.</summary>
    /// <returns>The asset ids.</returns>
    public IReadOnlyList<string> GetMentionedAssetIds() => Distinct(implied: false);

    /// <summary>Returns the distinct ids of the assets implied by other entities (and not named), in order.</summary>
    /// <returns>The asset ids.</returns>
    public IReadOnlyList<string> GetImpliedAssetIds() => Distinct(implied: true);

    private List<string> Distinct(bool implied)
    {
        var ids = new List<string>();
        foreach (var e in Entities)
        {
            if (e.Entry.IsAsset && e.IsImplied == implied && !ids.Contains(e.Id))
            {
                ids.Add(e.Id);
            }
        }

        return ids;
    }
}
