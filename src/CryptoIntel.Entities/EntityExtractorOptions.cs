using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Entities;

/// <summary>Options of <see cref="EntityExtractor"/>; bound from the <c>CryptoIntel:Entities</c> configuration section.</summary>
public sealed class EntityExtractorOptions
{
    /// <summary>Gets or sets the confidence below which a hit is dropped.</summary>
    /// <value>Defaults to 0.5.</value>
    [Range(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = 0.5;

    /// <summary>Gets or sets the longest text, in chars, that is read; longer texts are cut and flagged <see cref="ExtractionResult.IsTruncated"/>.</summary>
    /// <value>Defaults to 4,194,304 (4 Mi chars).</value>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxTextLength { get; set; } = 4 * 1024 * 1024;

    /// <summary>Gets or sets how many words either side of a hit are searched for context words (price, token, staking, ...).</summary>
    /// <value>Defaults to 3.</value>
    [Range(1, 12)]
    public int ContextWindow { get; set; } = 3;

    /// <summary>Gets or sets a value indicating whether the curated seed list is loaded.</summary>
    /// <value>Defaults to true.</value>
    public bool IncludeSeed { get; set; } = true;

    /// <summary>
    /// Gets the CSV lists loaded at start-up in addition to the seed (coins <c>id,symbol,name</c>, protocols
    /// <c>slug,name,symbol,category,tvl_usd,chains</c> or exchanges <c>name,id,kind</c>); each must exist.
    /// </summary>
    public IList<string> GazetteerFiles { get; } = [];
}
