using System.ComponentModel;
using CryptoIntel.Storage;
using CryptoIntel.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CryptoIntel.Web.Api;

/// <summary>Market overview, movers, coins (list, detail, history, news, signals), global metrics, fear and greed.</summary>
internal static class MarketEndpoints
{
    private static readonly string[] CoinSorts = ["rank", "volume", "change24h", "price", "name"];
    private static readonly string[] Orders = ["desc", "asc"];
    private static readonly string[] Intervals = ["raw", "1h", "1d"];

    private sealed class CoinSortAttribute() : P.OneOfAttribute(CoinSorts);

    private sealed class OrderAttribute() : P.OneOfAttribute(Orders);

    private sealed class IntervalAttribute() : P.OneOfAttribute(Intervals);

    public static void Map(RouteGroupBuilder api)
    {
        var market = api.MapGroup("/market").WithTags("Market");
        market.MapGet("/overview", Overview).Read("GetMarketOverview", "Market overview",
            "Global metrics, the latest fear & greed reading, the top coins by market cap, the day's top gainers and losers and the latest signals: everything the main dashboard shows first.");
        market.MapGet("/movers", Movers).Read("GetMarketMovers", "Top gainers and losers",
            "The coins with the largest 24-hour price change up and down among the latest snapshots.");

        var coins = api.MapGroup("/coins").WithTags("Coins");
        coins.MapGet("/", ListCoins).Read("ListCoins", "List coins",
            "The latest snapshot of every coin, sorted by rank (market cap), 24h volume, 24h change, price or name; filter by name or symbol with q. Cursor-paged.");
        coins.MapGet("/{id}", GetCoin).Read("GetCoin", "Coin detail",
            "The latest snapshot of one coin (best source first), its snapshot from each source and its recent signals.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        coins.MapGet("/{id}/history", CoinHistory).Read("GetCoinHistory", "Coin price history",
            "OHLC bars of one coin's price with volume and market cap: raw 15-minute points, hourly or daily bars, over a range (default the last 7 days; at most 366 days).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        coins.MapGet("/{id}/news", CoinNews).Read("GetCoinNews", "News about a coin",
            "News items that mention the coin, newest first. Cursor-paged.");
        coins.MapGet("/{id}/signals", CoinSignals).Read("GetCoinSignals", "Signals about a coin",
            "Signals whose asset is the coin, newest first, optionally of one kind. Cursor-paged.");

        var global = api.MapGroup("/global").WithTags("Market");
        global.MapGet("/", Global).Read("GetGlobalMetrics", "Global market metrics",
            "The latest total market cap, 24h volume, BTC and ETH dominance and market-cap change.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        global.MapGet("/history", GlobalHistory).Read("GetGlobalMetricsHistory", "Global metrics history",
            "Every stored global-metrics reading in a range (default the last 7 days).");

        api.MapGet("/fear-greed", FearGreed).WithTags("Market").Read("GetFearGreed", "Fear & greed index",
            "The latest fear & greed reading and the readings of the last N days (default 30, at most 365).");
    }

    private static async Task<JsonETagResult<MarketOverviewDto>> Overview(ApiContext api, CancellationToken cancellationToken)
    {
        var overviewTask = api.Store.GetMarketOverviewAsync(10, cancellationToken);
        var signalsTask = api.Store.GetSignalsAsync(new SignalQuery { Limit = 10 }, cancellationToken);
        var statsTask = api.Store.GetSignalStatisticsAsync(api.Now.AddDays(-1), cancellationToken);
        var overview = await overviewTask.ConfigureAwait(false);
        var signals = await signalsTask.ConfigureAwait(false);
        var stats = await statsTask.ConfigureAwait(false);
        return ETagged.Ok(new MarketOverviewDto(
            overview.AsOf,
            overview.Global is { } g ? GlobalMetricsDto.From(g) : null,
            overview.FearGreed is { } f ? FearGreedDto.From(f) : null,
            overview.TopByMarketCap.Take(10).Select(CoinDto.From).ToArray(),
            overview.TopGainers.Take(5).Select(CoinDto.From).ToArray(),
            overview.TopLosers.Take(5).Select(CoinDto.From).ToArray(),
            signals.Items,
            new MarketCountsDto(overview.AssetCount, stats.Total)));
    }

    private static async Task<Results<JsonETagResult<MoversDto>, ValidationProblem>> Movers(
        ApiContext api, [Description("How many gainers and how many losers, 1 to 50 (default 10).")][P.Integer(1, 50, 10)] string? limit, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var count = v.Integer(limit, "limit", 10, 1, 50);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var overview = await api.Store.GetMarketOverviewAsync(count, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new MoversDto(
            overview.AsOf,
            overview.TopGainers.Select(CoinDto.From).ToArray(),
            overview.TopLosers.Select(CoinDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<PageDto<CoinDto>>, ValidationProblem>> ListCoins(
        ApiContext api,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Sort key: rank (market cap), volume, change24h, price or name (default rank).")][CoinSort(Default = "rank")] string? sort,
        [Description("desc or asc (default: desc, but asc for rank and name).")][Order] string? order,
        [Description("Name or symbol contains this text (1 to 100 characters).")] string? q,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var by = v.OneOf(sort, "sort", CoinSorts, "rank");
        var defaultOrder = by is "rank" or "name" ? "asc" : "desc";
        var direction = v.OneOf(order, "order", Orders, defaultOrder);
        var search = v.Text(q, "q");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        // Rank ascending is market cap descending.
        var (key, descending) = by switch
        {
            "rank" => (CoinSort.MarketCap, direction == "asc"),
            "volume" => (CoinSort.Volume, direction == "desc"),
            "change24h" => (CoinSort.Change24h, direction == "desc"),
            "price" => (CoinSort.Price, direction == "desc"),
            _ => (CoinSort.Asset, direction == "desc"),
        };
        var page = await api.Store.GetCoinsAsync(
            new CoinQuery { Limit = size, Cursor = after, Sort = key, Descending = descending, Search = search },
            cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, CoinDto.From));
    }

    private static async Task<Results<JsonETagResult<CoinDetailDto>, ValidationProblem, ProblemHttpResult>> GetCoin(
        ApiContext api, [Description("The coin's id, e.g. bitcoin.")] string id, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var asset = v.Id(id, "id");
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var detailTask = api.Store.GetCoinAsync(new AssetId(asset), cancellationToken);
        var signalsTask = api.Store.GetSignalsAsync(new SignalQuery { Asset = new AssetId(asset), Limit = 10 }, cancellationToken);
        var detail = await detailTask.ConfigureAwait(false);
        var signals = await signalsTask.ConfigureAwait(false);
        if (detail is null)
        {
            return ApiSupport.NotFound("coin", asset);
        }

        return ETagged.Ok(new CoinDetailDto(CoinDto.From(detail.Latest), detail.BySource.Select(CoinDto.From).ToArray(), signals.Items));
    }

    private static async Task<Results<JsonETagResult<CoinHistoryDto>, ValidationProblem, ProblemHttpResult>> CoinHistory(
        ApiContext api,
        [Description("The coin's id, e.g. bitcoin.")] string id,
        [P.From] string? from,
        [P.To] string? to,
        [Description("raw (15-minute points), 1h or 1d (default 1h).")][Interval(Default = "1h")] string? interval,
        CancellationToken cancellationToken)
    {
        var now = api.Now;
        var v = new QueryValidator();
        var asset = v.Id(id, "id");
        var start = v.Instant(from, "from", now);
        var end = v.Instant(to, "to", now);
        var step = v.OneOf(interval, "interval", Intervals, "1h");
        v.Range(start, end);
        var until = end ?? now;
        var since = start ?? until.AddDays(-7);
        if (!v.HasErrors && until - since > TimeSpan.FromDays(366))
        {
            v.Error("from", "The range may span at most 366 days.");
        }

        if (v.HasErrors)
        {
            return v.Problem();
        }

        var kind = step switch { "raw" => HistoryInterval.Raw, "1d" => HistoryInterval.Day, _ => HistoryInterval.Hour };
        var bars = await api.Store.GetPriceHistoryAsync(new AssetId(asset), since, until, kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (bars.Count == 0 && await api.Store.GetCoinAsync(new AssetId(asset), cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiSupport.NotFound("coin", asset);
        }

        return ETagged.Ok(new CoinHistoryDto(asset, step, since, until, bars.Select(PricePointDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<PageDto<NewsItemDto>>, ValidationProblem>> CoinNews(
        ApiContext api, [Description("The coin's id, e.g. bitcoin.")] string id, [P.Limit] string? limit, [P.Cursor] string? cursor, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var asset = v.Id(id, "id");
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var page = await api.Store.GetNewsAsync(new NewsQuery { Asset = new AssetId(asset), Limit = size, Cursor = after }, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(ApiSupport.Map(page, NewsItemDto.From));
    }

    private static async Task<Results<JsonETagResult<PageDto<Signal>>, ValidationProblem>> CoinSignals(
        ApiContext api,
        [Description("The coin's id, e.g. bitcoin.")] string id,
        [P.Limit] string? limit,
        [P.Cursor] string? cursor,
        [Description("Only signals of this kind (see /api/signals/stats for the kinds).")][P.SignalKind] string? kind,
        CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var asset = v.Id(id, "id");
        var size = v.Limit(limit, 50, api.MaxPageSize);
        var after = v.Cursor(cursor);
        var only = kind is null ? null : v.OneOf(kind, "kind", ApiSupport.SignalKinds, string.Empty);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var query = new SignalQuery { Asset = new AssetId(asset), Limit = size, Cursor = after, Kind = only is null ? (SignalKind?)null : new SignalKind(only) };
        var page = await api.Store.GetSignalsAsync(query, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new PageDto<Signal>(page.Items, page.NextCursor));
    }

    private static async Task<Results<JsonETagResult<GlobalMetricsDto>, ProblemHttpResult>> Global(ApiContext api, CancellationToken cancellationToken)
    {
        var now = api.Now;
        var readings = await api.Store.GetGlobalMetricsAsync(now.AddDays(-2), now.AddMinutes(1), cancellationToken).ConfigureAwait(false);
        if (readings.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No global metrics were collected in the last two days.");
        }

        return ETagged.Ok(GlobalMetricsDto.From(readings.MaxBy(r => r.Timestamp)!));
    }

    private static async Task<Results<JsonETagResult<ListDto<GlobalMetricsDto>>, ValidationProblem>> GlobalHistory(
        ApiContext api, [P.From] string? from, [P.To] string? to, CancellationToken cancellationToken)
    {
        var now = api.Now;
        var v = new QueryValidator();
        var start = v.Instant(from, "from", now);
        var end = v.Instant(to, "to", now);
        v.Range(start, end);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var until = end ?? now;
        var readings = await api.Store.GetGlobalMetricsAsync(start ?? until.AddDays(-7), until, cancellationToken).ConfigureAwait(false);
        return ETagged.Ok(new ListDto<GlobalMetricsDto>(readings.Select(GlobalMetricsDto.From).ToArray()));
    }

    private static async Task<Results<JsonETagResult<FearGreedHistoryDto>, ValidationProblem>> FearGreed(
        ApiContext api, [Description("Days of history, 1 to 365 (default 30).")][P.Integer(1, 365, 30)] string? days, CancellationToken cancellationToken)
    {
        var v = new QueryValidator();
        var span = v.Integer(days, "days", 30, 1, 365);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var now = api.Now;
        var readings = await api.Store.GetFearGreedAsync(now.AddDays(-span), now.AddMinutes(1), cancellationToken).ConfigureAwait(false);
        var history = readings.OrderBy(r => r.Timestamp).Select(FearGreedDto.From).ToArray();
        return ETagged.Ok(new FearGreedHistoryDto(history.Length == 0 ? null : history[^1], history));
    }
}
