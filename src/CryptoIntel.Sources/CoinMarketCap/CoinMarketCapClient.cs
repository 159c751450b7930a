using System.Runtime.CompilerServices;
using System.Text.Json;
using CryptoIntel.Sources.CoinMarketCap.Internal;
using CryptoIntel.Sources.Internal;

namespace CryptoIntel.Sources.CoinMarketCap;

/// <summary>
/// The CoinMarketCap Pro API (free Basic plan or paid): listings, quotes, global metrics, the id map, metadata,
/// categories, price conversion and, on paid plans, the v4 DEX endpoints. Each call's cost in credits is computed
/// from what it asks for and spent from the monthly quota before it is sent. A body whose <c>status.error_code</c>
/// is not 0 fails with <see cref="SourceRequestException"/> (with the code in <see cref="SourceRequestException.ErrorCode"/>)
/// even when the HTTP status is 200; codes 1008 to 1011 are <see cref="SourceFailureKind.RateLimited"/>.
/// </summary>
/// <remarks>
/// CoinMarketCap identifies assets by numeric id; its slugs often but not always match CoinGecko ids, so the models
/// expose id, slug and symbol, and <see cref="CmcCryptocurrency.ToPricePoint"/> takes the <see cref="AssetId"/> from the caller.
/// Register with <c>services.AddCryptoIntel().AddCoinMarketCap(...)</c>; the instance is a thread-safe singleton.
/// </remarks>
public class CoinMarketCapClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "coinmarketcap";

    private readonly SourceCaller _caller = null!;

    internal CoinMarketCapClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected CoinMarketCapClient()
    {
    }

    /// <summary>Gets one page of <c>/v1/cryptocurrency/listings/latest</c>.</summary>
    /// <param name="query">What to ask for; null for the top 100 by market cap in USD (one credit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The rows, in the requested order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ListingsQuery.Limit"/> is not 1 to 5,000, or <see cref="ListingsQuery.Start"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><see cref="ListingsQuery.Convert"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCryptocurrency>> GetListingsAsync(ListingsQuery? query = null, CancellationToken cancellationToken = default)
    {
        query ??= new ListingsQuery();
        query.Validate();
        var converts = Codes(query.Convert);
        var uri = new QueryBuilder("v1/cryptocurrency/listings/latest")
            .Add("start", query.Start)
            .Add("limit", query.Limit)
            .Add("convert", converts)
            .Add("sort", query.Sort)
            .Add("sort_dir", query.SortDirection)
            .Add("cryptocurrency_type", query.CryptocurrencyType)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("listings.latest", uri, Credits(query.Limit, converts.Length)),
            CmcParsers.Envelope<List<CmcCryptocurrency>, IReadOnlyList<CmcCryptocurrency>>(CoinMarketCapJsonContext.Default.CmcEnvelopeListCmcCryptocurrency, list => list),
            cancellationToken);
    }

    /// <summary>Pages through <c>/v1/cryptocurrency/listings/latest</c> from <see cref="ListingsQuery.Start"/> until a short page or <paramref name="maxPages"/>.</summary>
    /// <param name="query">What to ask for; each page costs one credit per 100 rows.</param>
    /// <param name="maxPages">The most pages to fetch.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The rows, page after page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPages"/> is below 1, or the query is out of range.</exception>
    public virtual async IAsyncEnumerable<CmcCryptocurrency> GetAllListingsAsync(ListingsQuery? query = null, int maxPages = 2, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        query ??= new ListingsQuery();
        query.Validate();
        for (var page = 0; page < maxPages; page++)
        {
            var rows = await GetListingsAsync(query with { Start = query.Start + (page * query.Limit) }, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < query.Limit)
            {
                yield break;
            }
        }
    }

    /// <summary>Gets the most recently added cryptocurrencies (<c>/v1/cryptocurrency/listings/new</c>).</summary>
    /// <param name="limit">How many, 1 to 5,000 (one credit per 100).</param>
    /// <param name="convert">The quote currency; null for USD.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The newest listings, newest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not 1 to 5,000.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCryptocurrency>> GetNewListingsAsync(int limit = 100, FiatCurrency? convert = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 5000);
        var uri = new QueryBuilder("v1/cryptocurrency/listings/new")
            .Add("limit", limit)
            .Add("convert", (convert ?? FiatCurrency.Usd).ToUpperCode())
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("listings.new", uri, Credits(limit, 1)),
            CmcParsers.Envelope<List<CmcCryptocurrency>, IReadOnlyList<CmcCryptocurrency>>(CoinMarketCapJsonContext.Default.CmcEnvelopeListCmcCryptocurrency, list => list),
            cancellationToken);
    }

    /// <summary>Gets the latest quotes of cryptocurrencies by CoinMarketCap id (<c>/v2/cryptocurrency/quotes/latest?id=</c>).</summary>
    /// <param name="ids">The ids (one credit per 100).</param>
    /// <param name="convert">The quote currencies; null for USD (each beyond the first costs one more credit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One row per id CoinMarketCap knows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCryptocurrency>> GetQuotesByIdAsync(IEnumerable<long> ids, IEnumerable<FiatCurrency>? convert = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Distinct().Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return Quotes("id", list, nameof(ids), convert, cancellationToken);
    }

    /// <summary>Gets the latest quotes of cryptocurrencies by slug (<c>/v2/cryptocurrency/quotes/latest?slug=</c>), e.g. <c>bitcoin</c>.</summary>
    /// <param name="slugs">The slugs (one credit per 100).</param>
    /// <param name="convert">The quote currencies; null for USD.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One row per slug CoinMarketCap knows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="slugs"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="slugs"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCryptocurrency>> GetQuotesBySlugAsync(IEnumerable<string> slugs, IEnumerable<FiatCurrency>? convert = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        return Quotes("slug", Clean(slugs, upper: false), nameof(slugs), convert, cancellationToken);
    }

    /// <summary>Gets the latest quotes of cryptocurrencies by ticker (<c>/v2/cryptocurrency/quotes/latest?symbol=</c>); tickers collide, so one ticker may give several rows.</summary>
    /// <param name="symbols">The tickers, e.g. <c>BTC</c> (one credit per 100).</param>
    /// <param name="convert">The quote currencies; null for USD.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every row of every ticker.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="symbols"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCryptocurrency>> GetQuotesBySymbolAsync(IEnumerable<string> symbols, IEnumerable<FiatCurrency>? convert = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        return Quotes("symbol", Clean(symbols, upper: true), nameof(symbols), convert, cancellationToken);
    }

    /// <summary>Gets the whole market's figures (<c>/v1/global-metrics/quotes/latest</c>).</summary>
    /// <param name="convert">The quote currency; null for USD.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The figures.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<CmcGlobalMetrics> GetGlobalMetricsAsync(FiatCurrency? convert = null, CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("global_metrics", new QueryBuilder("v1/global-metrics/quotes/latest").Add("convert", (convert ?? FiatCurrency.Usd).ToUpperCode()).ToString()),
            CmcParsers.Envelope<CmcGlobalMetrics, CmcGlobalMetrics>(CoinMarketCapJsonContext.Default.CmcEnvelopeCmcGlobalMetrics, m => m),
            cancellationToken);

    /// <summary>Gets CoinMarketCap's id map (<c>/v1/cryptocurrency/map</c>), for resolving ids, slugs and tickers.</summary>
    /// <param name="start">The 1-based offset of the first entry.</param>
    /// <param name="limit">How many entries, 1 to 5,000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, by id.</returns>
    /// <remarks>The docs list this endpoint as free of credits, but captures report <c>credit_count: 1</c>; the client spends one credit to stay safe.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is below 1, or <paramref name="limit"/> is not 1 to 5,000.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcMapEntry>> GetMapAsync(int start = 1, int limit = 5000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 5000);
        var uri = new QueryBuilder("v1/cryptocurrency/map").Add("start", start).Add("limit", limit).Add("sort", "id").ToString();
        return _caller.GetAsync(
            new SourceRequest("map", uri),
            CmcParsers.Envelope<List<CmcMapEntry>, IReadOnlyList<CmcMapEntry>>(CoinMarketCapJsonContext.Default.CmcEnvelopeListCmcMapEntry, list => list),
            cancellationToken);
    }

    /// <summary>Gets the metadata of cryptocurrencies by id (<c>/v2/cryptocurrency/info</c>).</summary>
    /// <param name="ids">The ids (one credit per 100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One entry per id CoinMarketCap knows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ids"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ids"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCoinInfo>> GetInfoAsync(IEnumerable<long> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.Distinct().Order().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one id is needed.", nameof(ids));
        }

        return _caller.GetAsync(
            new SourceRequest("info", new QueryBuilder("v2/cryptocurrency/info").Add("id", list).ToString(), Credits(list.Length, 1)),
            CmcParsers.Envelope<Dictionary<string, JsonElement>, IReadOnlyList<CmcCoinInfo>>(CoinMarketCapJsonContext.Default.CmcEnvelopeDictionaryStringJsonElement, CmcParsers.Infos),
            cancellationToken);
    }

    /// <summary>Gets the categories with their aggregate figures (<c>/v1/cryptocurrency/categories</c>).</summary>
    /// <param name="start">The 1-based offset of the first category.</param>
    /// <param name="limit">How many categories, 1 to 5,000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The categories.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is below 1, or <paramref name="limit"/> is not 1 to 5,000.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcCategory>> GetCategoriesAsync(int start = 1, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 5000);
        return _caller.GetAsync(
            new SourceRequest("categories", new QueryBuilder("v1/cryptocurrency/categories").Add("start", start).Add("limit", limit).ToString(), Credits(limit, 1)),
            CmcParsers.Envelope<List<CmcCategory>, IReadOnlyList<CmcCategory>>(CoinMarketCapJsonContext.Default.CmcEnvelopeListCmcCategory, list => list),
            cancellationToken);
    }

    /// <summary>Converts an amount of a cryptocurrency into other currencies (<c>/v2/tools/price-conversion</c>).</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="id">The CoinMarketCap id of the asset converted.</param>
    /// <param name="convert">The target currencies; null for USD (each beyond the first costs one more credit).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The conversion.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or <paramref name="id"/> is below 1.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<CmcPriceConversion> GetPriceConversionAsync(decimal amount, long id, IEnumerable<FiatCurrency>? convert = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        var converts = Codes(convert);
        var uri = new QueryBuilder("v2/tools/price-conversion")
            .Add("amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("id", id)
            .Add("convert", converts)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("price_conversion", uri, Credits(1, converts.Length)),
            CmcParsers.Envelope<JsonElement, CmcPriceConversion>(CoinMarketCapJsonContext.Default.CmcEnvelopeJsonElement,
                data => CmcParsers.Conversions(data) is [var first, ..] ? first : throw new JsonException("The conversion is empty.")),
            cancellationToken);
    }

    /// <summary>Gets decentralised exchanges with their figures (<c>/v4/dex/listings/quotes</c>). Needs a paid plan: the Basic key is refused with error 1006.</summary>
    /// <param name="limit">How many exchanges, 1 to 5,000.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The exchanges.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not 1 to 5,000.</exception>
    /// <exception cref="SourceRequestException">The call failed (a Basic key gets <see cref="SourceFailureKind.ProviderError"/> or HTTP 403) and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcDexListing>> GetDexListingsAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 5000);
        return _caller.GetAsync(
            new SourceRequest("dex.listings", new QueryBuilder("v4/dex/listings/quotes").Add("limit", limit).ToString(), Credits(limit, 1)),
            CmcParsers.Envelope<List<CmcDexListing>, IReadOnlyList<CmcDexListing>>(CoinMarketCapJsonContext.Default.CmcEnvelopeListCmcDexListing, list => list),
            cancellationToken);
    }

    /// <summary>Gets the latest DEX spot pairs of one network (<c>/v4/dex/spot-pairs/latest?network_slug=</c>). Needs a paid plan.</summary>
    /// <param name="networkSlug">The network, e.g. <c>ethereum</c> or <c>solana</c>.</param>
    /// <param name="dexSlug">The exchange to restrict to (e.g. <c>uniswap-v3</c>), or null for all.</param>
    /// <param name="limit">How many pairs, 1 to 500.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pairs.</returns>
    /// <exception cref="ArgumentException"><paramref name="networkSlug"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not 1 to 500.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<CmcDexPair>> GetDexSpotPairsAsync(string networkSlug, string? dexSlug = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(networkSlug);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 500);
        var uri = new QueryBuilder("v4/dex/spot-pairs/latest")
            .Add("network_slug", networkSlug.Trim())
            .Add("dex_slug", dexSlug)
            .Add("limit", limit)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("dex.spot_pairs", uri, Credits(limit, 1)),
            CmcParsers.Envelope<List<CmcDexPair>, IReadOnlyList<CmcDexPair>>(CoinMarketCapJsonContext.Default.CmcEnvelopeListCmcDexPair, list => list),
            cancellationToken);
    }

    /// <summary>
    /// The credits a call costs: one per 100 rows (rounded up, at least one) plus one per convert currency beyond the
    /// first (pro-docs: list endpoints add a credit per 100 data points beyond the first 100). CMC Academy's "1 per 200"
    /// is cheaper; counting per 100 can only over-spend the local budget, never the real one.
    /// </summary>
    internal static int Credits(int rows, int converts) =>
        Math.Max(1, (rows + 99) / 100) + Math.Max(0, converts - 1);

    private Task<IReadOnlyList<CmcCryptocurrency>> Quotes(string key, string[] values, string parameterName, IEnumerable<FiatCurrency>? convert, CancellationToken cancellationToken)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("At least one value is needed.", parameterName);
        }

        var converts = Codes(convert);
        var uri = new QueryBuilder("v2/cryptocurrency/quotes/latest").Add(key, values).Add("convert", converts).ToString();
        return _caller.GetAsync(
            new SourceRequest("quotes.latest", uri, Credits(values.Length, converts.Length)),
            CmcParsers.Envelope<Dictionary<string, JsonElement>, IReadOnlyList<CmcCryptocurrency>>(CoinMarketCapJsonContext.Default.CmcEnvelopeDictionaryStringJsonElement, CmcParsers.Quotes),
            cancellationToken);
    }

    private static string[] Codes(IEnumerable<FiatCurrency>? currencies)
    {
        var codes = (currencies ?? [FiatCurrency.Usd]).Select(c => c.ToUpperCode()).Distinct(StringComparer.Ordinal).ToArray();
        return codes.Length == 0 ? ["USD"] : codes;
    }

    private static string[] Clean(IEnumerable<string> values, bool upper) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => upper ? v.Trim().ToUpperInvariant() : v.Trim())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
}
