using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Entities;

/// <summary>Options of <see cref="EntityTracker"/>; bound from the <c>CryptoIntel:Entities:Tracker</c> configuration section.</summary>
public sealed class EntityTrackerOptions
{
    /// <summary>Gets or sets the most entities tracked; beyond it the least recently mentioned are forgotten.</summary>
    /// <value>Defaults to 50,000.</value>
    [Range(16, 10_000_000)]
    public int MaxEntities { get; set; } = 50_000;

    /// <summary>Gets or sets the most co-mention pairs tracked; beyond it the least recently seen pairs are forgotten.</summary>
    /// <value>Defaults to 200,000.</value>
    [Range(16, 50_000_000)]
    public int MaxCoMentionPairs { get; set; } = 200_000;

    /// <summary>Gets or sets the most entities of one news item that form co-mention pairs (the first ones in the text).</summary>
    /// <value>Defaults to 12.</value>
    [Range(2, 64)]
    public int MaxEntitiesPerItem { get; set; } = 12;

    /// <summary>Gets or sets the hourly mention rate assumed when an entity has no history, the floor of its baseline.</summary>
    /// <value>Defaults to 0.5 mentions per hour.</value>
    [Range(0.01, 1_000.0)]
    public double MinimumBaselinePerHour { get; set; } = 0.5;

    /// <summary>Gets or sets a value indicating whether syndicated copies of one story count once (see <see cref="StoryDeduplicator"/>).</summary>
    /// <value>Defaults to true.</value>
    public bool DeduplicateStories { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether implied assets (IBIT implies bitcoin) count as mentions.</summary>
    /// <value>Defaults to true.</value>
    public bool CountImplied { get; set; } = true;

    /// <summary>Gets the story de-duplication options.</summary>
    [ValidateObjectMembers]
    public StoryDeduplicatorOptions Stories { get; } = new();
}
