using System.Data.Common;
using System.Text.Json;

namespace CryptoIntel.Storage.Internal;

internal sealed partial class SqlStore
{
    private const string NewsSelect = "n.id, n.source, n.title, n.url, n.published_at, n.outlet, n.summary, n.author, n.currencies, n.categories, n.votes, n.sentiment, n.sentiment_label, n.story_id, n.assets";

    private static StoredNewsItem ReadNews(DbDataReader r)
    {
        var url = r.Str(3);
        var item = new NewsItem(r.GetString(0), r.GetString(1), r.GetString(2), url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u : null, r.TimeV(4))
        {
            Outlet = r.Str(5),
            Summary = r.Str(6),
            Author = r.Str(7),
            Currencies = JsonList(r.Str(8)),
            Categories = JsonList(r.Str(9)),
            Votes = r.Str(10) is { Length: > 2 } votes ? JsonSerializer.Deserialize(votes, StorageJsonContext.Default.DictionaryStringInt32) ?? [] : new Dictionary<string, int>(),
        };
        return new StoredNewsItem(item)
        {
            Sentiment = r.DblN(11),
            SentimentLabel = r.Str(12),
            StoryId = r.GetString(13),
            Assets = [.. JsonList(r.Str(14)).Select(a => new AssetId(a))],
        };
    }

    public async Task<Page<StoredNewsItem>> GetNewsAsync(NewsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        CheckText(query.Search, nameof(query.Search));
        CheckText(query.Source, nameof(query.Source));
        CheckText(query.StoryId, nameof(query.StoryId));
        CheckText(query.EntityId, nameof(query.EntityId));
        const string Tag = "news";
        var cursor = Cursor.Decode(query.Cursor, Tag);
        var sql = new Sql();
        sql.Append($"SELECT {NewsSelect} FROM news n");
        if (query.Asset is { IsEmpty: false } asset)
        {
            sql.Append($" JOIN news_assets a ON a.news_id = n.id AND a.asset = {sql.P(asset.Value)}");
        }

        sql.Append(" WHERE 1 = 1");
        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM mentions m WHERE m.news_id = n.id AND m.entity_id = {sql.P(query.EntityId.Trim())})");
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            sql.Append($" AND n.source = {sql.P(query.Source.Trim())}");
        }

        if (!string.IsNullOrWhiteSpace(query.StoryId))
        {
            sql.Append($" AND n.story_id = {sql.P(query.StoryId.Trim())}");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            sql.Append($" AND n.title_lower LIKE {sql.P(Db.Contains(query.Search))} ESCAPE '\\'");
        }

        if (query.Since is { } since)
        {
            sql.Append($" AND n.published_at >= {sql.P(Db.Ticks(since))}");
        }

        if (query.Until is { } until)
        {
            sql.Append($" AND n.published_at < {sql.P(Db.Ticks(until))}");
        }

        if (cursor is { } c)
        {
            After(sql, "n.published_at", c.LongKey, "n.id", c.Id, descending: true);
        }

        sql.Append($" ORDER BY n.published_at DESC, n.id DESC LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (ReadNews(r), (object)r.Long(4)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, Tag, n => n.Item.Id);
    }

    public async Task<Page<NewsStory>> GetStoriesAsync(StoryQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        const string Tag = "stories";
        var cursor = Cursor.Decode(query.Cursor, Tag);
        var sql = new Sql();
        sql.Append("SELECT s.id, s.title, s.first_seen, s.last_seen, s.item_count, s.sources, s.sentiment FROM stories s WHERE 1 = 1");
        if (query.Since is { } since)
        {
            sql.Append($" AND s.last_seen >= {sql.P(Db.Ticks(since))}");
        }

        if (query.MinItems > 1)
        {
            sql.Append($" AND s.item_count >= {sql.P(query.MinItems)}");
        }

        if (query.Asset is { IsEmpty: false } asset)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM news n JOIN news_assets a ON a.news_id = n.id WHERE n.story_id = s.id AND a.asset = {sql.P(asset.Value)})");
        }

        if (cursor is { } c)
        {
            After(sql, "s.last_seen", c.LongKey, "s.id", c.Id, descending: true);
        }

        sql.Append($" ORDER BY s.last_seen DESC, s.id DESC LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r => (new NewsStory(r.GetString(0), r.GetString(1), r.TimeV(2), r.TimeV(3), r.Int(4), JsonList(r.Str(5)), r.DblN(6)), (object)r.Long(3)), cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, Tag, s => s.Id);
    }

    private static EntitySummary ReadEntity(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.Str(3) is { Length: > 0 } a ? new AssetId(a) : (AssetId?)null, r.Int(4), r.TimeV(5), r.TimeV(6));

    public async Task<Page<EntitySummary>> GetEntitiesAsync(EntityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = CheckLimit(query.Limit);
        CheckText(query.Search, nameof(query.Search));
        CheckText(query.Kind, nameof(query.Kind));
        var tag = "entities:" + query.Sort + ":" + (query.Descending ? "d" : "a") + ":" + (query.Since?.UtcTicks ?? 0);
        var cursor = Cursor.Decode(query.Cursor, tag);
        var (keyExpr, keyKind) = query.Sort switch
        {
            EntitySort.Mentions => ("mentions", 0),
            EntitySort.LastSeen => ("last_seen", 0),
            EntitySort.EntityId => ("entity_id", 1),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Unknown sort."),
        };
        var sql = new Sql();

        // All-time counts come from the entities table; a window counts mentions in it.
        if (query.Since is { } since)
        {
            sql.Append($"""
                SELECT * FROM (SELECT e.entity_id, e.name, e.kind, e.asset, COUNT(*) AS mentions, MIN(m.published_at) AS first_seen, MAX(m.published_at) AS last_seen, e.search
                FROM mentions m JOIN entities e ON e.entity_id = m.entity_id WHERE m.published_at >= {sql.P(Db.Ticks(since))}
                GROUP BY e.entity_id, e.name, e.kind, e.asset, e.search) x WHERE 1 = 1
                """);
        }
        else
        {
            sql.Append("SELECT entity_id, name, kind, asset, mentions, first_seen, last_seen, search FROM entities WHERE 1 = 1");
        }

        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            sql.Append($" AND kind = {sql.P(query.Kind.Trim().ToLowerInvariant())}");
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            sql.Append($" AND search LIKE {sql.P(Db.Contains(query.Search))} ESCAPE '\\'");
        }

        if (cursor is { } c)
        {
            After(sql, keyExpr, keyKind == 1 ? c.Key : c.LongKey, "entity_id", c.Id, query.Descending);
        }

        var dir = query.Descending ? "DESC" : "ASC";
        sql.Append($" ORDER BY {keyExpr} {dir}, entity_id {dir} LIMIT {sql.P(limit + 1)}");
        var rows = await QueryAsync(sql, r =>
        {
            var e = ReadEntity(r);
            object key = query.Sort switch { EntitySort.Mentions => (long)e.Mentions, EntitySort.LastSeen => e.LastSeen.UtcTicks, _ => e.EntityId };
            return (e, key);
        }, cancellationToken).ConfigureAwait(false);
        return ToPage(rows, limit, tag, e => e.EntityId);
    }

    public async Task<EntitySummary?> GetEntityAsync(string entityId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        CheckText(entityId, nameof(entityId));
        var sql = new Sql();
        sql.Append($"SELECT entity_id, name, kind, asset, mentions, first_seen, last_seen FROM entities WHERE entity_id = {sql.P(entityId.Trim())}");
        return (await QueryAsync(sql, ReadEntity, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<TrendingEntity>> GetTrendingEntitiesAsync(TimeSpan window, int limit = 20, CancellationToken cancellationToken = default)
    {
        if (window < TimeSpan.FromHours(1) || window > TimeSpan.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be between 1 hour and 30 days.");
        }

        CheckLimit(limit);
        var now = Db.Ticks(_time.GetUtcNow());
        var mid = now - window.Ticks;
        var start = mid - window.Ticks;
        var sql = new Sql();
        var m = sql.P(mid);
        sql.Append($"""
            SELECT e.entity_id, e.name, e.kind, e.asset,
              SUM(CASE WHEN x.published_at >= {m} THEN 1 ELSE 0 END) AS recent,
              SUM(CASE WHEN x.published_at < {m} THEN 1 ELSE 0 END) AS previous,
              MIN(x.published_at), MAX(x.published_at)
            FROM mentions x JOIN entities e ON e.entity_id = x.entity_id
            WHERE x.published_at >= {sql.P(start)} AND x.published_at < {sql.P(now)}
            GROUP BY e.entity_id, e.name, e.kind, e.asset
            """);
        var rows = await QueryAsync(sql, r => (Id: r.GetString(0), Name: r.GetString(1), Kind: r.GetString(2), Asset: r.Str(3), Recent: r.Int(4), Previous: r.Int(5), First: r.Long(6), Last: r.Long(7)), cancellationToken).ConfigureAwait(false);
        return [.. rows
            .Where(x => x.Recent > 0)
            .Select(x => new TrendingEntity(
                new EntitySummary(x.Id, x.Name, x.Kind, x.Asset is { Length: > 0 } a ? new AssetId(a) : (AssetId?)null, x.Recent, Db.Time(Math.Max(x.First, mid)), Db.Time(x.Last)),
                x.Recent,
                x.Previous,
                (x.Recent + 1.0) / (x.Previous + 1.0)))
            .OrderByDescending(t => t.Score).ThenByDescending(t => t.RecentMentions).ThenBy(t => t.Entity.EntityId, StringComparer.Ordinal)
            .Take(limit)];
    }

    public async Task<IReadOnlyList<CoMention>> GetCoMentionsAsync(string entityId, DateTimeOffset? since = null, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        CheckText(entityId, nameof(entityId));
        CheckLimit(limit);
        var sql = new Sql();
        sql.Append($"""
            SELECT o.entity_id, MAX(o.name), MAX(o.kind), COUNT(*) AS together
            FROM mentions m JOIN mentions o ON o.news_id = m.news_id AND o.entity_id <> m.entity_id
            WHERE m.entity_id = {sql.P(entityId.Trim())}
            """);
        if (since is { } s)
        {
            sql.Append($" AND m.published_at >= {sql.P(Db.Ticks(s))}");
        }

        sql.Append($" GROUP BY o.entity_id ORDER BY COUNT(*) DESC, o.entity_id LIMIT {sql.P(limit)}");
        return await QueryAsync(sql, r => new CoMention(r.GetString(0), r.GetString(1), r.GetString(2), r.Int(3)), cancellationToken).ConfigureAwait(false);
    }
}
