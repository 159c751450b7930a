namespace CryptoIntel.Entities;

/// <summary>One story: news items from one or more outlets with near-identical titles.</summary>
/// <param name="Id">The story id: the id of its first item, prefixed by its source.</param>
/// <param name="Lead">The first item seen.</param>
/// <param name="Members">The items grouped into the story, first first (at most <see cref="StoryDeduplicatorOptions.MaxMembersPerStory"/>).</param>
/// <param name="MemberCount">How many items were grouped, including those not kept.</param>
/// <param name="FirstSeen">When the first item was seen (from the deduplicator's <see cref="TimeProvider"/>).</param>
/// <param name="LastSeen">When the last item was seen.</param>
public sealed record NewsStory(string Id, NewsItem Lead, IReadOnlyList<NewsItem> Members, int MemberCount, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>What <see cref="StoryDeduplicator.Add(NewsItem)"/> did with an item.</summary>
/// <param name="Story">The story the item belongs to, as it is after adding it.</param>
/// <param name="IsNewStory">True when the item started a new story; false when it joined an existing one (a duplicate).</param>
/// <param name="Similarity">The estimated similarity to the story's lead title (1 for a new story).</param>
public readonly record struct StoryAssignment(NewsStory Story, bool IsNewStory, double Similarity);
