using System.ComponentModel;
using System.Security.Claims;
using CryptoIntel.Storage;
using CryptoIntel.Web.Hosting;
using CryptoIntel.Web.Http;
using CryptoIntel.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace CryptoIntel.Web.Api;

/// <summary>Watchlists and alert rules: listed by anyone who may read, created and deleted with a write key.</summary>
internal static class UserEndpoints
{
    /// <summary>The most assets a watchlist holds.</summary>
    public const int MaxAssets = 100;

    /// <summary>An alert rule's minimum confidence when the body gives none.</summary>
    public const double DefaultMinConfidence = 0.5;

    private const long MaxBodyBytes = 16 * 1024;

    public static void Map(RouteGroupBuilder api)
    {
        var watchlists = api.MapGroup("/watchlists").WithTags("Watchlists");
        watchlists.MapGet("/", ListWatchlists).ReadUserData("ListWatchlists", "List watchlists", "Every watchlist, newest first.");
        watchlists.MapGet("/{id}", GetWatchlist).ReadUserData("GetWatchlist", "Watchlist detail", "One watchlist and its assets.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        watchlists.MapPost("/", CreateWatchlist).Write("CreateWatchlist", "Create a watchlist",
            "Creates a watchlist of 1 to 100 asset ids. Needs an API key with the write scope (X-Api-Key).");
        watchlists.MapDelete("/{id}", DeleteWatchlist).Write("DeleteWatchlist", "Delete a watchlist",
            "Deletes a watchlist. Needs an API key with the write scope (X-Api-Key).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var rules = api.MapGroup("/alert-rules").WithTags("Alert rules");
        rules.MapGet("/", ListRules).ReadUserData("ListAlertRules", "List alert rules", "Every alert rule, newest first.");
        rules.MapGet("/{id}", GetRule).ReadUserData("GetAlertRule", "Alert rule detail", "One alert rule.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/", CreateRule).Write("CreateAlertRule", "Create an alert rule",
            "Creates a rule that matches new signals by kind, asset or watchlist, direction and minimum confidence. Needs an API key with the write scope (X-Api-Key).");
        rules.MapDelete("/{id}", DeleteRule).Write("DeleteAlertRule", "Delete an alert rule",
            "Deletes an alert rule. Needs an API key with the write scope (X-Api-Key).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static RouteHandlerBuilder ReadUserData(this RouteHandlerBuilder builder, string name, string summary, string description) => builder
        .Describe(name, summary, description)
        .CacheOutput(ApiOutputCachePolicy.UserDataName);

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string name, string summary, string description) => builder
        .WithName(name)
        .WithSummary(summary)
        .WithDescription(description)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static RouteHandlerBuilder Write(this RouteHandlerBuilder builder, string name, string summary, string description) => builder
        .Describe(name, summary, description)
        .RequireAuthorization(ApiKeyDefaults.WritePolicy)
        .RequireRateLimiting(RateLimiting.WritePolicy)
        .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<JsonETagResult<ListDto<WatchlistDto>>> ListWatchlists(ApiContext api, CancellationToken cancellationToken)
    {
        var lists = await api.Store.GetWatchlistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<WatchlistDto>(lists.Select(WatchlistDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<WatchlistDto>, ValidationProblem, ProblemHttpResult>> GetWatchlist(
        ApiContext api, [Description("The watchlist's id.")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var listId = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var list = await api.Store.GetWatchlistAsync(listId, cancellationToken).ConfigureAwait(false);
        return list is null ? ApiSupport.NotFound("watchlist", listId) : ETagged.Ok(WatchlistDto.From(list));
    }

    private static async Task<Results<Created<WatchlistDto>, ValidationProblem>> CreateWatchlist(
        ApiContext api, WebMetrics metrics, IOutputCacheStore cache, ClaimsPrincipal user, CreateWatchlistRequest body, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var name = Name(v, body.Name);
        var assets = new List<AssetId>();
        if (body.Assets is null || body.Assets.Count is 0 or > MaxAssets)
        {
            v.Error("assets", $"'assets' must hold 1 to {MaxAssets} asset ids.");
        }
        else
        {
            foreach (var raw in body.Assets)
            {
                var asset = v.Id(raw, "assets");
                if (asset.Length > 0 && !assets.Contains(new AssetId(asset)))
                {
                    assets.Add(new AssetId(asset));
                }
            }
        }

        if (v.HasErrors)
        {
            return v.Problem();
        }

        var list = new Watchlist(NewId(), name, assets, api.Now) { Owner = user.Identity?.Name };
        await api.Store.SaveWatchlistAsync(list, cancellationToken).ConfigureAwait(false);
        await Written(cache, metrics, "watchlist", cancellationToken).ConfigureAwait(false);
        return TypedResults.Created("/api/watchlists/" + list.Id, WatchlistDto.From(list));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteWatchlist(
        ApiContext api, WebMetrics metrics, IOutputCacheStore cache, [Description("The watchlist's id.")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var listId = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        if (!await api.Store.DeleteWatchlistAsync(listId, cancellationToken).ConfigureAwait(false))
        {
            return ApiSupport.NotFound("watchlist", listId);
        }

        await Written(cache, metrics, "watchlist", cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<JsonETagResult<ListDto<AlertRuleDto>>> ListRules(ApiContext api, CancellationToken cancellationToken)
    {
        var rules = await api.Store.GetAlertRulesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<AlertRuleDto>(rules.Select(AlertRuleDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<AlertRuleDto>, ValidationProblem, ProblemHttpResult>> GetRule(
        ApiContext api, [Description("The alert rule's id.")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var ruleId = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var rule = await api.Store.GetAlertRuleAsync(ruleId, cancellationToken).ConfigureAwait(false);
        return rule is null ? ApiSupport.NotFound("alert rule", ruleId) : ETagged.Ok(AlertRuleDto.From(rule));
    }

    private static async Task<Results<Created<AlertRuleDto>, ValidationProblem>> CreateRule(
        ApiContext api, WebMetrics metrics, IOutputCacheStore cache, ClaimsPrincipal user, CreateAlertRuleRequest body, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var name = Name(v, body.Name);
        var kind = body.Kind is null ? null : v.OneOf(body.Kind, "kind", ApiSupport.SignalKinds, string.Empty);
        var asset = v.OptionalId(body.Asset, "asset");
        var watchlist = v.OptionalId(body.WatchlistId, "watchlistId");
        var direction = body.Direction is null ? null : v.OneOf(body.Direction, "direction", ApiSupport.Directions, string.Empty);
        var confidence = body.MinConfidence ?? DefaultMinConfidence;
        if (!double.IsFinite(confidence) || confidence is < 0 or > 1)
        {
            v.Error("minConfidence", "'minConfidence' must be between 0 and 1.");
        }

        if (!v.HasErrors && watchlist is not null && await api.Store.GetWatchlistAsync(watchlist, cancellationToken).ConfigureAwait(false) is null)
        {
            v.Error("watchlistId", "No watchlist has this id.");
        }

        if (v.HasErrors)
        {
            return v.Problem();
        }

        var rule = new AlertRule(NewId(), name, api.Now)
        {
            Owner = user.Identity?.Name,
            Kind = kind is null ? (SignalKind?)null : new SignalKind(kind),
            Asset = asset is null ? (AssetId?)null : new AssetId(asset),
            WatchlistId = watchlist,
            Direction = direction is null ? (SignalDirection?)null : ApiSupport.ParseDirection(direction),
            MinConfidence = confidence,
        };
        await api.Store.SaveAlertRuleAsync(rule, cancellationToken).ConfigureAwait(false);
        await Written(cache, metrics, "alert-rule", cancellationToken).ConfigureAwait(false);
        return TypedResults.Created("/api/alert-rules/" + rule.Id, AlertRuleDto.From(rule));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteRule(
        ApiContext api, WebMetrics metrics, IOutputCacheStore cache, [Description("The alert rule's id.")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var ruleId = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        if (!await api.Store.DeleteAlertRuleAsync(ruleId, cancellationToken).ConfigureAwait(false))
        {
            return ApiSupport.NotFound("alert rule", ruleId);
        }

        await Written(cache, metrics, "alert-rule", cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static string Name(QueryValidator v, string? name)
    {
        if (name is null)
        {
            v.Error("name", "'name' is required.");
            return string.Empty;
        }

        return v.Text(name, "name") ?? string.Empty;
    }

    /// <summary>Counts the write and drops the cached watchlist and alert-rule answers, so the next read sees it.</summary>
    private static async Task Written(IOutputCacheStore cache, WebMetrics metrics, string resource, CancellationToken cancellationToken)
    {
        metrics.Write(resource);
        await cache.EvictByTagAsync(ApiOutputCachePolicy.UserDataTag, cancellationToken).ConfigureAwait(false);
    }

    private static string NewId() => Guid.CreateVersion7().ToString("N");
}
