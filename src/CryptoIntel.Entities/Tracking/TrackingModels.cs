namespace CryptoIntel.Entities;

/// <summary>Mention counts of one entity in the three windows.</summary>
/// <param name="Entry">The entity.</param>
/// <param name="LastHour">Mentions in the last hour.</param>
/// <param name="LastDay">Mentions in the last 24 hours.</param>
/// <param name="LastWeek">Mentions in the last 7 days.</param>
public sealed record EntityMentionCounts(GazetteerEntry Entry, int LastHour, int LastDay, int LastWeek);

/// <summary>An entity mentioned more than its own baseline.</summary>
/// <param name="Entry">The entity.</param>
/// <param name="LastHour">Mentions in the last hour.</param>
/// <param name="BaselinePerHour">The entity's usual hourly mentions: its last 7 days before this hour, per hour observed, floored at <see cref="EntityTrackerOptions.MinimumBaselinePerHour"/>.</param>
/// <param name="Score">
/// The Poisson z-score <c>(LastHour − Baseline) / √Baseline</c>: how many standard deviations above its own usual rate
/// the entity is this hour.
/// </param>
public sealed record TrendingEntity(GazetteerEntry Entry, int LastHour, double BaselinePerHour, double Score);

/// <summary>How often two entities were mentioned in the same news item.</summary>
/// <param name="First">One entity (the one asked about, for <see cref="EntityTracker.GetCoMentions(string, int)"/>).</param>
/// <param name="Second">The other entity.</param>
/// <param name="LastDay">Items in the last 24 hours that mention both.</param>
public sealed record CoMention(GazetteerEntry First, GazetteerEntry Second, int LastDay);

/// <summary>What the tracker did with one news item.</summary>
/// <param name="Item">The item.</param>
/// <param name="Extraction">The entities found in its title and summary.</param>
/// <param name="Story">The story it was grouped into, when de-duplication is on.</param>
/// <param name="Counted">True when its mentions were counted; false for a duplicate of a story already counted.</param>
public sealed record TrackedNews(NewsItem Item, ExtractionResult Extraction, NewsStory? Story, bool Counted);
