using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Entities;

/// <summary>Options of <see cref="StoryDeduplicator"/>.</summary>
public sealed class StoryDeduplicatorOptions
{
    /// <summary>Gets or sets the estimated Jaccard similarity of two titles' word shingles at or above which they are one story.</summary>
    /// <value>Defaults to 0.5.</value>
    [Range(0.05, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.5;

    /// <summary>Gets or sets how long a story stays open for new members after its last member.</summary>
    /// <value>Defaults to 48 hours; at least one minute, at most 30 days.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Gets or sets the most stories kept; the oldest are forgotten first.</summary>
    /// <value>Defaults to 100,000.</value>
    [Range(1, 10_000_000)]
    public int MaxStories { get; set; } = 100_000;

    /// <summary>Gets or sets the most members kept per story (later members are counted but not kept).</summary>
    /// <value>Defaults to 64.</value>
    [Range(1, 10_000)]
    public int MaxMembersPerStory { get; set; } = 64;
}
