namespace CryptoIntel.Storage;

/// <summary>A news item as stored: the item, its sentiment, the story it belongs to and the assets it is about.</summary>
/// <param name="Item">The item (identity: <see cref="NewsItem.Id"/>).</param>
public sealed record StoredNewsItem(NewsItem Item)
{
    /// <summary>Gets the sentiment score, -1 (negative) to 1 (positive), when scored.</summary>
    public double? Sentiment { get; init; }

    /// <summary>Gets the sentiment label, e.g. <c>positive</c>, when scored.</summary>
    public string? SentimentLabel { get; init; }

    /// <summary>Gets the id of the story (group of near-duplicate items) it belongs to; null means a story of its own.</summary>
    public string? StoryId { get; init; }

    /// <summary>Gets the assets the item is about (from the source's tags and extracted entities).</summary>
    public IReadOnlyList<AssetId> Assets { get; init; } = [];
}

/// <summary>A story: items from several outlets about the same event, de-duplicated into one group.</summary>
/// <param name="Id">The story id.</param>
/// <param name="Title">The title of the story's first item.</param>
/// <param name="FirstSeen">The first item's publication time.</param>
/// <param name="LastSeen">The newest item's publication time.</param>
/// <param name="ItemCount">How many items it groups.</param>
/// <param name="Sources">The distinct sources or outlets that carried it.</param>
/// <param name="AverageSentiment">The mean sentiment of its scored items.</param>
public sealed record NewsStory(string Id, string Title, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int ItemCount, IReadOnlyList<string> Sources, double? AverageSentiment);

/// <summary>One entity found in one news item.</summary>
/// <param name="NewsId">The item's id.</param>
/// <param name="EntityId">The entity's id, e.g. <c>coin:bitcoin</c> or <c>exchange:binance</c>.</param>
/// <param name="Name">The entity's display name.</param>
/// <param name="Kind">The entity's kind, e.g. <c>coin</c>, <c>exchange</c>, <c>person</c>.</param>
/// <param name="PublishedAt">The item's publication time (UTC).</param>
/// <remarks>Identity: (<paramref name="NewsId"/>, <paramref name="EntityId"/>).</remarks>
public sealed record EntityMention(string NewsId, string EntityId, string Name, string Kind, DateTimeOffset PublishedAt)
{
    /// <summary>Gets the asset the entity stands for, when it is one.</summary>
    public AssetId? Asset { get; init; }

    /// <summary>Gets how many times the item mentions it.</summary>
    public int Count { get; init; } = 1;
}

/// <summary>An entity with its mention counts.</summary>
/// <param name="EntityId">The entity's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Asset">The asset it stands for, when it is one.</param>
/// <param name="Mentions">How many news items mention it (within the query's window).</param>
/// <param name="FirstSeen">The first mention's time.</param>
/// <param name="LastSeen">The newest mention's time.</param>
public sealed record EntitySummary(string EntityId, string Name, string Kind, AssetId? Asset, int Mentions, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>An entity whose mentions rise: the recent window against the one before it.</summary>
/// <param name="Entity">The entity (mentions counted in the recent window).</param>
/// <param name="RecentMentions">Mentions in the recent window.</param>
/// <param name="PreviousMentions">Mentions in the window of equal length before it.</param>
/// <param name="Score">The trend score: (recent + 1) / (previous + 1), higher is hotter.</param>
public sealed record TrendingEntity(EntitySummary Entity, int RecentMentions, int PreviousMentions, double Score);

/// <summary>An entity mentioned in the same news items as another.</summary>
/// <param name="EntityId">The other entity's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Count">In how many items both appear.</param>
public sealed record CoMention(string EntityId, string Name, string Kind, int Count);
