using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CryptoIntel.Sources.CoinGecko.Internal;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.CoinGecko;

/// <summary>
/// The CoinGecko API v3 (Demo/free or Pro): markets, simple prices, coin details, price history, trending, global
/// figures and the coins list. Calls are cached, kept inside the plan's per-minute and monthly budget, retried with
/// back-off that honours <c>Retry-After</c>, and fail with <see cref="SourceRequestException"/>.
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddCoinGecko(...)</c>; the instance is a thread-safe singleton.</remarks>
public class CoinGeckoClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "coingecko";

    private readonly SourceCaller _caller = null!;

    internal CoinGeckoClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected CoinGeckoClient()
    {
    }

    /// <summary>Gets one page of <c>/coins/markets</c>.</summary>
    /// <param name="query">What to ask for; null for the first 100 coins by market cap in USD.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows, in the requested order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MarketsQuery.PerPage"/> is not 1 to 250, or <see cref="MarketsQuery.Page"/> is below 1.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CoinMarket>> GetMarketsAsync(MarketsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new MarketsQuery();
        query.Validate();
        var uri = new QueryBuilder("coins/markets")
            .Add("vs_currency", query.VsCurrency.Code)
            .Add("ids", query.Ids?.Select(id => id.Value))
            .Add("category", query.Category)
            .Add("order", query.Order)
            .Add("per_page", query.PerPage)
            .Add("page", query.Page)
            .Add("price_change_percentage", query.IncludeHourAndWeekChange ? "1h,7d" : null)
            .ToString();
        return _caller.GetAsync<IReadOnlyList<CoinMarket>>(
            new SourceRequest("coins.markets", uri),
            CoinGeckoParsers.Markets,
            cancellationToken);
    }

    /// <summary>Pages through <c>/coins/markets</c> from <see cref="MarketsQuery.Page"/> until a short page or <paramref name="maxPages"/>.</summary>
    /// <param name="query">What to ask for; <see cref="MarketsQuery.PerPage"/> of 250 spends the fewest calls.</param>
    /// <param name="maxPages">The most pages to fetch (each is one call against the budget).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The rows, page after page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPages"/> is below 1.</exception>
    public virtual async IAsyncEnumerable<CoinMarket> GetAllMarketsAsync(MarketsQuery? query = null, int maxPages = 4, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        query ??= new MarketsQuery { PerPage = 250 };
        query.Validate();
        for (var page = 0; page < maxPages; page++)
        {
            var rows = await GetMarketsAsync(query with { Page = query.Page + page }, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < query.PerPage)
            {
                yield break;
            }
        }
    }

    /// <summary>Gets prices of several assets in several currencies (<c>/simple/price</c>), in one call.</summary>
    /// <param name="ids">The assets.</param>
    /// <param name="currencies">The quote currencies.</param>
    /// <param name="includeMarketData">Whether to include market cap, 24-hour volume and change, and the update time.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One quote per asset and currency the provider knows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> or <paramref name="currencies"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ids"/> or <paramref name="currencies"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<SimplePrice>> GetSimplePricesAsync(
        IEnumerable<AssetId> ids, IEnumerable<FiatCurrency> currencies, bool includeMarketData = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(currencies);
        var idList = ids.Select(i => i.Value).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        var currencyList = currencies.Select(c => c.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (idList.Length == 0)
        {
            throw new ArgumentException("At least one asset id is needed.", nameof(ids));
        }

        if (currencyList.Length == 0)
        {
            throw new ArgumentException("At least one currency is needed.", nameof(currencies));
        }

        var uri = new QueryBuilder("simple/price")
            .Add("ids", idList)
            .Add("vs_currencies", currencyList)
            .Add("include_market_cap", includeMarketData ? true : null)
            .Add("include_24hr_vol", includeMarketData ? true : null)
            .Add("include_24hr_change", includeMarketData ? true : null)
            .Add("include_last_updated_at", includeMarketData ? true : null)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("simple.price", uri),
            JsonParsers.For<Dictionary<string, Dictionary<string, decimal?>>, IReadOnlyList<SimplePrice>>(
                CoinGeckoJsonContext.Default.DictionaryStringDictionaryStringNullableDecimal, CoinGeckoParsers.SimplePrices),
            cancellationToken);
    }

    /// <summary>Gets what CoinGecko knows about one coin (<c>/coins/{id}</c>, without tickers, community or developer data).</summary>
    /// <param name="id">The coin.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The coin.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="SourceRequestException">The call failed (404 for an unknown id) and no last good value was available.</exception>
    public virtual Task<CoinDetail> GetCoinAsync(AssetId id, CancellationToken cancellationToken = default)
    {
        var uri = new QueryBuilder("coins/" + QueryBuilder.Segment(id.Value, nameof(id)))
            .Add("localization", false)
            .Add("tickers", false)
            .Add("market_data", true)
            .Add("community_data", false)
            .Add("developer_data", false)
            .Add("sparkline", false)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("coins.detail", uri),
            JsonParsers.For<CoinDetailDto, CoinDetail>(CoinGeckoJsonContext.Default.CoinDetailDto, CoinGeckoParsers.Detail),
            cancellationToken);
    }

    /// <summary>Gets price, market-cap and volume history (<c>/coins/{id}/market_chart</c>).</summary>
    /// <param name="id">The coin.</param>
    /// <param name="currency">The quote currency.</param>
    /// <param name="days">How many days back (1 gives 5-minute points, 2 to 90 hourly, more daily).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The history, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is below 1.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<MarketChart> GetMarketChartAsync(AssetId id, FiatCurrency currency, int days, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var uri = new QueryBuilder("coins/" + QueryBuilder.Segment(id.Value, nameof(id)) + "/market_chart")
            .Add("vs_currency", currency.Code)
            .Add("days", days)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("coins.market_chart", uri),
            JsonParsers.For<MarketChartDto, MarketChart>(CoinGeckoJsonContext.Default.MarketChartDto, CoinGeckoParsers.Chart),
            cancellationToken);
    }

    /// <summary>Gets candles (<c>/coins/{id}/ohlc</c>).</summary>
    /// <param name="id">The coin.</param>
    /// <param name="currency">The quote currency.</param>
    /// <param name="days">One of 1, 7, 14, 30, 90, 180, 365.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The candles, oldest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is not one of the accepted values.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<OhlcCandle>> GetOhlcAsync(AssetId id, FiatCurrency currency, int days, CancellationToken cancellationToken = default)
    {
        if (days is not (1 or 7 or 14 or 30 or 90 or 180 or 365))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, "days must be one of 1, 7, 14, 30, 90, 180, 365.");
        }

        var uri = new QueryBuilder("coins/" + QueryBuilder.Segment(id.Value, nameof(id)) + "/ohlc")
            .Add("vs_currency", currency.Code)
            .Add("days", days)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("coins.ohlc", uri),
            JsonParsers.For<List<decimal?[]>, IReadOnlyList<OhlcCandle>>(CoinGeckoJsonContext.Default.ListNullableDecimalArray, CoinGeckoParsers.Candles),
            cancellationToken);
    }

    /// <summary>Gets the coins and categories trending in CoinGecko searches (<c>/search/trending</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The trending coins and categories.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<TrendingResult> GetTrendingAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("search.trending", "search/trending"),
            JsonParsers.For<TrendingDto, TrendingResult>(CoinGeckoJsonContext.Default.TrendingDto, CoinGeckoParsers.Trending),
            cancellationToken);

    /// <summary>Gets the whole market's figures (<c>/global</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<GlobalMarket> GetGlobalAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("global", "global"),
            JsonParsers.For<GlobalEnvelope, GlobalMarket>(CoinGeckoJsonContext.Default.GlobalEnvelope, e => e.Data ?? throw new JsonException("The body has no 'data'.")),
            cancellationToken);

    /// <summary>Gets the categories with their market figures (<c>/coins/categories</c>), largest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The categories.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CoinCategory>> GetCategoriesAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("coins.categories", "coins/categories?order=market_cap_desc"),
            JsonParsers.For<List<CoinCategory>, IReadOnlyList<CoinCategory>>(CoinGeckoJsonContext.Default.ListCoinCategory, list => list),
            cancellationToken);

    /// <summary>Gets the quote currencies CoinGecko accepts (<c>/simple/supported_vs_currencies</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The currencies.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<FiatCurrency>> GetSupportedCurrenciesAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("simple.supported_vs_currencies", "simple/supported_vs_currencies"),
            JsonParsers.For<List<string>, IReadOnlyList<FiatCurrency>>(CoinGeckoJsonContext.Default.ListString,
                list => [.. list.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => new FiatCurrency(c))]),
            cancellationToken);

    /// <summary>Checks that the API answers (<c>/ping</c>); it spends one call of the budget and is never cached.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The API's greeting.</returns>
    /// <exception cref="SourceRequestException">The API did not answer as expected.</exception>
    public virtual Task<string> PingAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("ping", "ping"),
            JsonParsers.For<Dictionary<string, string>, string>(CoinGeckoJsonContext.Default.DictionaryStringString,
                body => body.GetValueOrDefault("gecko_says") ?? throw new System.Text.Json.JsonException("The body has no 'gecko_says'.")),
            cancellationToken);

    /// <summary>Gets every coin CoinGecko lists (<c>/coins/list</c>), for building a gazetteer.</summary>
    /// <param name="includePlatforms">Whether to include contract addresses per platform.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The coins.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CoinListEntry>> GetCoinsListAsync(bool includePlatforms = false, CancellationToken cancellationToken = default) =>
        _caller.GetAsync<IReadOnlyList<CoinListEntry>>(
            new SourceRequest("coins.list", new QueryBuilder("coins/list").Add("include_platform", includePlatforms).ToString()),
            JsonParsers.For<List<CoinListEntry>, IReadOnlyList<CoinListEntry>>(CoinGeckoJsonContext.Default.ListCoinListEntry, list => list),
            cancellationToken);
}

/// <summary>Maps CoinGecko's wire shapes to the public models.</summary>
internal static class CoinGeckoParsers
{
    /// <summary>The <c>/coins/markets</c> parser: the hand-written single pass of <see cref="CoinMarketsParser"/>.</summary>
    public static readonly ResponseParser<IReadOnlyList<CoinMarket>> Markets = CoinMarketsParser.ParseAsync;

    /// <summary>
    /// The source-generated parse that <see cref="Markets"/> replaced; same results (the equivalence tests run both),
    /// kept as the reference for those tests and the benchmarks.
    /// </summary>
    public static readonly ResponseParser<IReadOnlyList<CoinMarket>> MarketsSourceGenerated =
        async (body, ct) => await JsonSerializer.DeserializeAsync(body, CoinGeckoJsonContext.Default.ListCoinMarket, ct).ConfigureAwait(false)
            ?? throw new JsonException("The body is the JSON literal null.");

    public static IReadOnlyList<SimplePrice> SimplePrices(Dictionary<string, Dictionary<string, decimal?>> body)
    {
        var result = new List<SimplePrice>();
        foreach (var (id, fields) in body)
        {
            if (fields is null || string.IsNullOrWhiteSpace(id))
            {
                continue;
            }

            DateTimeOffset? updated = fields.TryGetValue("last_updated_at", out var at) && at is { } seconds
                ? DateTimeOffset.FromUnixTimeSeconds((long)seconds)
                : null;
            foreach (var (field, value) in fields)
            {
                if (value is not { } price || field.Contains('_', StringComparison.Ordinal))
                {
                    continue;
                }

                result.Add(new SimplePrice(new AssetId(id), new FiatCurrency(field), price)
                {
                    MarketCap = fields.GetValueOrDefault(field + "_market_cap"),
                    Volume24h = fields.GetValueOrDefault(field + "_24h_vol"),
                    Change24h = fields.GetValueOrDefault(field + "_24h_change"),
                    LastUpdatedAt = updated,
                });
            }
        }

        return result;
    }

    public static CoinDetail Detail(CoinDetailDto dto) => new()
    {
        Id = dto.Id ?? throw new JsonException("The coin has no 'id'."),
        Symbol = dto.Symbol ?? string.Empty,
        Name = dto.Name ?? string.Empty,
        Categories = [.. (dto.Categories ?? []).OfType<string>().Where(c => c.Length > 0)],
        Description = dto.Description?.GetValueOrDefault("en") is { Length: > 0 } en ? en : null,
        Homepages = [.. (dto.Links?.Homepage ?? []).OfType<string>().Where(h => h.Length > 0)],
        Platforms = (dto.Platforms ?? []).Where(p => p.Key.Length > 0 && !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!),
        GenesisDate = DateOnly.TryParseExact(dto.GenesisDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var genesis) ? genesis : null,
        HashingAlgorithm = dto.HashingAlgorithm,
        MarketCapRank = dto.MarketCapRank,
        CurrentPrice = NonNull(dto.MarketData?.CurrentPrice),
        MarketCap = NonNull(dto.MarketData?.MarketCap),
        TotalVolume = NonNull(dto.MarketData?.TotalVolume),
        PriceChangePercentage24h = dto.MarketData?.PriceChangePercentage24h,
        PriceChangePercentage7d = dto.MarketData?.PriceChangePercentage7d,
        CirculatingSupply = dto.MarketData?.CirculatingSupply,
        TotalSupply = dto.MarketData?.TotalSupply,
        MaxSupply = dto.MarketData?.MaxSupply,
        LastUpdated = dto.LastUpdated,
    };

    public static MarketChart Chart(MarketChartDto dto) =>
        new(Points(dto.Prices), Points(dto.MarketCaps), Points(dto.TotalVolumes));

    public static IReadOnlyList<OhlcCandle> Candles(List<decimal?[]> rows)
    {
        var result = new List<OhlcCandle>(rows.Count);
        foreach (var row in rows)
        {
            if (row is [{ } t, { } o, { } h, { } l, { } c, ..])
            {
                result.Add(new OhlcCandle(DateTimeOffset.FromUnixTimeMilliseconds((long)t), o, h, l, c));
            }
            else
            {
                throw new JsonException("A candle is not [time, open, high, low, close].");
            }
        }

        return result;
    }

    public static TrendingResult Trending(TrendingDto dto) => new(
        [.. (dto.Coins ?? []).Select(c => c.Item).OfType<TrendingItemDto>().Where(i => !string.IsNullOrEmpty(i.Id)).Select(i => new TrendingCoin
        {
            Id = i.Id!,
            CoinId = i.CoinId,
            Name = i.Name ?? string.Empty,
            Symbol = i.Symbol ?? string.Empty,
            MarketCapRank = i.MarketCapRank,
            PriceBtc = i.PriceBtc,
            Score = i.Score ?? 0,
            PriceUsd = i.Data?.Price,
            PriceChangePercentage24hUsd = i.Data?.PriceChangePercentage24h?.GetValueOrDefault("usd"),
        })],
        [.. (dto.Categories ?? []).Where(c => c.Id is not null && !string.IsNullOrEmpty(c.Name)).Select(c => new TrendingCategory(c.Id!.Value, c.Name!, c.Slug, c.CoinsCount, c.MarketCap1hChange))]);

    private static List<TimedValue> Points(List<decimal?[]>? rows)
    {
        if (rows is null)
        {
            return [];
        }

        var result = new List<TimedValue>(rows.Count);
        foreach (var row in rows)
        {
            // CoinGecko sends [ms, null] for gaps; a gap is skipped, not invented.
            if (row is [{ } t, { } v, ..])
            {
                result.Add(new TimedValue(DateTimeOffset.FromUnixTimeMilliseconds((long)t), v));
            }
        }

        return result;
    }

    private static Dictionary<string, decimal> NonNull(Dictionary<string, decimal?>? values) =>
        values is null ? [] : values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value!.Value);
}
