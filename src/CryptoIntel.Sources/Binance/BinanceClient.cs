using System.Runtime.CompilerServices;
using System.Text.Json;
using CryptoIntel.Sources.Binance.Internal;
using CryptoIntel.Sources.Internal;

namespace CryptoIntel.Sources.Binance;

/// <summary>
/// Binance Spot public market data (<c>/api/v3</c>): 24-hour tickers, latest prices, klines (candles) and the server
/// time. No key. Calls are cached, kept inside a per-minute budget (see <see cref="BinanceClientOptions"/> about
/// request weight), and fail with <see cref="SourceRequestException"/>; Binance's <c>{"code","msg"}</c> errors carry
/// the code (e.g. <c>-1003</c>, <see cref="SourceFailureKind.RateLimited"/> with HTTP 429 and 418).
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddBinance(...)</c>; the instance is a thread-safe singleton.</remarks>
public class BinanceClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "binance";

    /// <summary>The most klines one call returns.</summary>
    public const int MaxKlinesPerCall = 1000;

    private static readonly HashSet<string> Intervals = new(StringComparer.Ordinal)
    {
        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M",
    };

    private readonly SourceCaller _caller = null!;

    internal BinanceClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected BinanceClient()
    {
    }

    /// <summary>Gets the server time (<c>/api/v3/time</c>); never cached.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The server time, UTC.</returns>
    /// <exception cref="SourceRequestException">The call failed.</exception>
    public virtual Task<DateTimeOffset> GetServerTimeAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("time", "api/v3/time"),
            BinanceParsers.For<BinanceTimeDto, DateTimeOffset>(BinanceJsonContext.Default.BinanceTimeDto,
                dto => DateTimeOffset.FromUnixTimeMilliseconds(dto.ServerTime ?? throw new JsonException("The body has no 'serverTime'."))),
            cancellationToken);

    /// <summary>Gets one symbol's 24-hour statistics (<c>/api/v3/ticker/24hr?symbol=</c>, weight 2).</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is null, empty or white space.</exception>
    /// <exception cref="SourceRequestException">The call failed (an unknown symbol is HTTP 400, code <c>-1121</c>) and no last good value was available.</exception>
    public virtual Task<BinanceTicker24h> GetTicker24hAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return _caller.GetAsync(
            new SourceRequest("ticker.24hr", new QueryBuilder("api/v3/ticker/24hr").Add("symbol", symbol.Trim().ToUpperInvariant()).ToString()),
            BinanceParsers.For<BinanceTicker24h, BinanceTicker24h>(BinanceJsonContext.Default.BinanceTicker24h, t => t),
            cancellationToken);
    }

    /// <summary>Gets several symbols' 24-hour statistics in one call (<c>/api/v3/ticker/24hr?symbols=[...]</c>), or every symbol's when <paramref name="symbols"/> is null (weight 80).</summary>
    /// <param name="symbols">The symbols, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics, in Binance's order.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty or holds an empty symbol.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<BinanceTicker24h>> GetTickers24hAsync(IEnumerable<string>? symbols = null, CancellationToken cancellationToken = default)
    {
        var uri = new QueryBuilder("api/v3/ticker/24hr").Add("symbols", SymbolsParameter(symbols)).ToString();
        return _caller.GetAsync(
            new SourceRequest("ticker.24hr", uri),
            BinanceParsers.For<List<BinanceTicker24h>, IReadOnlyList<BinanceTicker24h>>(BinanceJsonContext.Default.ListBinanceTicker24h, list => list),
            cancellationToken);
    }

    /// <summary>Gets one symbol's latest price (<c>/api/v3/ticker/price?symbol=</c>).</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is null, empty or white space.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<BinancePrice> GetPriceAsync(string symbol, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        return _caller.GetAsync(
            new SourceRequest("ticker.price", new QueryBuilder("api/v3/ticker/price").Add("symbol", symbol.Trim().ToUpperInvariant()).ToString()),
            BinanceParsers.For<BinancePriceDto, BinancePrice>(BinanceJsonContext.Default.BinancePriceDto, BinanceParsers.Price),
            cancellationToken);
    }

    /// <summary>Gets several symbols' latest prices (<c>/api/v3/ticker/price?symbols=[...]</c>), or every symbol's when <paramref name="symbols"/> is null.</summary>
    /// <param name="symbols">The symbols, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The prices.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbols"/> is empty or holds an empty symbol.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<BinancePrice>> GetPricesAsync(IEnumerable<string>? symbols = null, CancellationToken cancellationToken = default)
    {
        var uri = new QueryBuilder("api/v3/ticker/price").Add("symbols", SymbolsParameter(symbols)).ToString();
        return _caller.GetAsync(
            new SourceRequest("ticker.price", uri),
            BinanceParsers.For<List<BinancePriceDto>, IReadOnlyList<BinancePrice>>(BinanceJsonContext.Default.ListBinancePriceDto,
                list => [.. list.Select(BinanceParsers.Price)]),
            cancellationToken);
    }

    /// <summary>Gets one page of klines (<c>/api/v3/klines</c>).</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
    /// <param name="interval">One of <c>1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M</c>.</param>
    /// <param name="startTime">The earliest open time, or null.</param>
    /// <param name="endTime">The latest open time, or null.</param>
    /// <param name="limit">How many candles, 1 to <see cref="MaxKlinesPerCall"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The candles, oldest first.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is empty, or <paramref name="interval"/> is not a Binance interval.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not 1 to 1000, or <paramref name="endTime"/> is before <paramref name="startTime"/>.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<BinanceKline>> GetKlinesAsync(
        string symbol, string interval, DateTimeOffset? startTime = null, DateTimeOffset? endTime = null, int limit = 500, CancellationToken cancellationToken = default)
    {
        CheckKlineArguments(symbol, interval, startTime, endTime);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxKlinesPerCall);
        var uri = new QueryBuilder("api/v3/klines")
            .Add("symbol", symbol.Trim().ToUpperInvariant())
            .Add("interval", interval)
            .Add("startTime", startTime?.ToUnixTimeMilliseconds())
            .Add("endTime", endTime?.ToUnixTimeMilliseconds())
            .Add("limit", limit)
            .ToString();
        return _caller.GetAsync(new SourceRequest("klines", uri), BinanceParsers.Klines, cancellationToken);
    }

    /// <summary>Pages through klines from <paramref name="startTime"/> to <paramref name="endTime"/> (each page is one call of up to 1000 candles, moving <c>startTime</c> past the last candle).</summary>
    /// <param name="symbol">The symbol, e.g. <c>BTCUSDT</c>.</param>
    /// <param name="interval">One of <c>1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M</c>.</param>
    /// <param name="startTime">The earliest open time.</param>
    /// <param name="endTime">The latest open time, or null for up to now.</param>
    /// <param name="maxPages">The most pages (calls) to make.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The candles, oldest first.</returns>
    /// <exception cref="ArgumentException"><paramref name="symbol"/> is empty, or <paramref name="interval"/> is not a Binance interval.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPages"/> is below 1, or <paramref name="endTime"/> is before <paramref name="startTime"/>.</exception>
    public virtual async IAsyncEnumerable<BinanceKline> GetAllKlinesAsync(
        string symbol, string interval, DateTimeOffset startTime, DateTimeOffset? endTime = null, int maxPages = 10,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckKlineArguments(symbol, interval, startTime, endTime);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPages, 1);
        var from = startTime;
        for (var page = 0; page < maxPages; page++)
        {
            var rows = await GetKlinesAsync(symbol, interval, from, endTime, MaxKlinesPerCall, cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                yield return row;
            }

            if (rows.Count < MaxKlinesPerCall)
            {
                yield break;
            }

            from = rows[^1].OpenTime.AddMilliseconds(1);
            if (endTime is { } end && from > end)
            {
                yield break;
            }
        }
    }

    private static void CheckKlineArguments(string symbol, string interval, DateTimeOffset? startTime, DateTimeOffset? endTime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(interval);
        if (!Intervals.Contains(interval))
        {
            throw new ArgumentException($"'{interval}' is not a Binance interval (1s 1m 3m 5m 15m 30m 1h 2h 4h 6h 8h 12h 1d 3d 1w 1M).", nameof(interval));
        }

        if (startTime is { } start && endTime is { } end && end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(endTime), end, "endTime is before startTime.");
        }
    }

    private static string? SymbolsParameter(IEnumerable<string>? symbols)
    {
        if (symbols is null)
        {
            return null;
        }

        var list = symbols.Select(s => s?.Trim().ToUpperInvariant()).ToList();
        if (list.Count == 0 || list.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Give at least one symbol, none empty (or null for all symbols).", nameof(symbols));
        }

        return "[" + string.Join(',', list.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(s => "\"" + s + "\"")) + "]";
    }
}
