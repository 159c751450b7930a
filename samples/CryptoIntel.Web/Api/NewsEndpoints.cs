using System.ComponentModel;
using CryptoIntel.Storage;
using CryptoIntel.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CryptoIntel.Web.Api;

/// <summary>News (latest, stories) and entities (list, detail, trending, co-mentions).</summary>
internal static class NewsEndpoints
{
    private static readonly string[] EntitySorts = ["mentions", "lastSeen", "id"];

    private sealed class EntitySortAttribute() : P.OneOfAttribute(EntitySorts);

    public static void Map(RouteGroupBuilder api)
    {
        var news = api.MapGroup("/news").WithTags("News");
        news.MapGet("/", LatestNews).Read("ListNews", "Latest news",
            "News items newest first, with sentiment, the assets they mention and their story; filter by source, asset, entity or time. Cursor-paged.");
        news.MapGet("/stories", Stories).Read("ListStories", "News stories",
            "De-duplicated stories (one event told by several outlets), most recent first, with item count, sources and average sentiment. Cursor-paged.");
        news.MapGet("/stories/{id}", StoryItems).Read("GetStory", "The items of a story",
            "The news items grouped into one story, newest first. Cursor-paged.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var entities = api.MapGroup("/entities").WithTags("Entities");
        entities.MapGet("/", ListEntities).Read("ListEntities", "List entities",
            "Entities (coins, protocols, exchanges, people, ...) found in the news, by mention count (or last seen, or id); filter by type or name. Cursor-paged.");
        entities.MapGet("/trending", Trending).Read("GetTrendingEntities", "Trending entities",
            "Entities whose mentions in the window grew most against the window before it.");
        entities.MapGet("/{id}", GetEntity).Read("GetEntity", "Entity detail",
            "One entity's mention counts, the entities most often named with it, and its latest news.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        entities.MapGet("/{id}/co-mentions", CoMentions).Read("GetEntityCoMentions", "Co-mentioned entities",
            "The entities named in the same news items as this one within the window, most frequent first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<JsonETagResult<PageDto<NewsItemDto>>, ValidationProblem>> LatestNews(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only items from this source, e.g. cryptopanic.")] string? source,
        [Description("Only items that mention this asset id, e.g. bitcoin.")] string? asset,
        [Description("Only items that mention this entity id.")] string? entity,
        [Description("Title contains this text.")] string? q,
        [Description("Only items published at or after this instant (ISO 8601).")][P.Instant] string? since,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var from = v.OptionalId(source, "source");
        var about = v.OptionalId(asset, "asset");
        var named = v.OptionalId(entity, "entity");
        var search = v.Text(q, "q");
        var start = v.Instant(since, "since", api.Now);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetNewsAsync(new NewsQuery
        {
            Limit = size,
            Cursor = after,
            Source = from,
            Asset = about is null ? (AssetId?)null : new AssetId(about),
            EntityId = named,
            Search = search,
            Since = start,
        }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, NewsItemDto.From));
    }

    private static async Task<Results<JsonETagResult<PageDto<StoryDto>>, ValidationProblem>> Stories(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only stories seen at or after this instant (ISO 8601).")][P.Instant] string? since,
        [Description("Only stories about this asset id.")] string? asset,
        [Description("Only stories with at least this many items, 1 to 1000 (default 1).")][P.Integer(1, 1000, 1)] string? minItems,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var start = v.Instant(since, "since", api.Now);
        var about = v.OptionalId(asset, "asset");
        var least = v.Integer(minItems, "minItems", 1, 1, 1000);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetStoriesAsync(new StoryQuery
        {
            Limit = size,
            Cursor = after,
            Since = start,
            Asset = about is null ? (AssetId?)null : new AssetId(about),
            MinItems = least,
        }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, StoryDto.From));
    }

    private static async Task<Results<JsonETagResult<PageDto<NewsItemDto>>, ValidationProblem, ProblemHttpResult>> StoryItems(
        ApiContext api, [Description("The story's id.")] string id, [P.Limit] string? limit, [P.Cursor] string? cursor, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var story = v.Id(id, "id");
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetNewsAsync(new NewsQuery { StoryId = story, Limit = size, Cursor = after }, cancellationToken).ConfigureAwait(false);
        if (page.Items.Count == 0 && after is null)
        {
            return ApiSupport.NotFound("story", story);
        }

        return ETagged.Ok(ApiSupport.Map(page, NewsItemDto.From));
    }

    private static async Task<Results<JsonETagResult<PageDto<EntityDto>>, ValidationProblem>> ListEntities(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only entities of this type, e.g. coin, protocol, exchange.")] string? type,
        [Description("Name contains this text.")] string? q,
        [Description("Only entities mentioned at or after this instant (ISO 8601).")][P.Instant] string? since,
        [Description("mentions, lastSeen or id (default mentions).")][EntitySort(Default = "mentions")] string? sort,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var kind = v.OptionalId(type, "type");
        var search = v.Text(q, "q");
        var start = v.Instant(since, "since", api.Now);
        var by = v.OneOf(sort, "sort", EntitySorts, "mentions");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var key = by switch { "lastSeen" => EntitySort.LastSeen, "id" => EntitySort.EntityId, _ => EntitySort.Mentions };
        var page = await api.Store.GetEntitiesAsync(new EntityQuery
        {
            Limit = size,
            Cursor = after,
            Kind = kind,
            Search = search,
            Since = start,
            Sort = key,
            Descending = key != EntitySort.EntityId,
        }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, EntityDto.From));
    }

    private static async Task<Results<JsonETagResult<ListDto<TrendingEntityDto>>, ValidationProblem>> Trending(
        ApiContext api,
        [Description("1h, 24h, 7d or 30d (default 24h).")][P.Window(Default = "24h")] string? window,
        [Description("How many, 1 to 100 (default 20).")][P.Integer(1, 100, 20)] string? limit,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var span = v.OneOf(window, "window", ApiSupport.Windows, "24h");
        var count = v.Integer(limit, "limit", 20, 1, 100);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var trending = await api.Store.GetTrendingEntitiesAsync(ApiSupport.WindowSpan(span), count, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<TrendingEntityDto>(trending.Select(TrendingEntityDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<EntityDetailDto>, ValidationProblem, ProblemHttpResult>> GetEntity(
        ApiContext api, [Description("The entity's id.")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var entityId = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var entity = await api.Store.GetEntityAsync(entityId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return ApiSupport.NotFound("entity", entityId);
        }

        var coTask = api.Store.GetCoMentionsAsync(entityId, api.Now.AddDays(-7), 10, cancellationToken);
        var newsTask = api.Store.GetNewsAsync(new NewsQuery { EntityId = entityId, Limit = 10 }, cancellationToken);
        var co = await coTask.ConfigureAwait(false);
        var news = await newsTask.ConfigureAwait(false);
        return ETagged.Ok(new EntityDetailDto(EntityDto.From(entity), co.Select(CoMentionDto.From).ToArray(), news.Items.Select(NewsItemDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<CoMentionsDto>, ValidationProblem, ProblemHttpResult>> CoMentions(
        ApiContext api,
        [Description("The entity's id.")] string id,
        [Description("1h, 24h, 7d or 30d (default 7d).")][P.Window(Default = "7d")] string? window,
        [Description("How many, 1 to 100 (default 20).")][P.Integer(1, 100, 20)] string? limit,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var entityId = v.Id(id, "id");
        var span = v.OneOf(window, "window", ApiSupport.Windows, "7d");
        var count = v.Integer(limit, "limit", 20, 1, 100);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var entity = await api.Store.GetEntityAsync(entityId, cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return ApiSupport.NotFound("entity", entityId);
        }

        var co = await api.Store.GetCoMentionsAsync(entityId, api.Now - ApiSupport.WindowSpan(span), count, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new CoMentionsDto(EntityDto.From(entity), span, co.Select(CoMentionDto.From).ToArray()));
    }
}
