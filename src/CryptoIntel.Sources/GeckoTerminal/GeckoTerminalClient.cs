using CryptoIntel.Sources.GeckoTerminal.Internal;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.GeckoTerminal;

/// <summary>
/// The GeckoTerminal public API v2 (DEX data): networks, trending pools, pool candles and trades, and token prices.
/// No key. Calls are cached, kept under 25 calls a minute (the documented limit is 30), and fail with
/// <see cref="SourceRequestException"/>. Requests carry <c>Accept: application/json;version=20230302</c> to pin the
/// response version (the versioned Accept header used with the v2 API).
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddGeckoTerminal(...)</c>; the instance is a thread-safe singleton.</remarks>
public class GeckoTerminalClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "geckoterminal";

    /// <summary>The Accept header that pins the API version.</summary>
    public const string AcceptHeader = "application/json;version=20230302";

    /// <summary>The most token addresses one price call takes.</summary>
    public const int MaxTokenAddressesPerCall = 30;

    private readonly SourceCaller _caller = null!;

    internal GeckoTerminalClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected GeckoTerminalClient()
    {
    }

    /// <summary>Gets one page of the networks GeckoTerminal tracks (<c>/networks?page=</c>).</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The networks.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is below 1.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<GeckoNetwork>> GetNetworksAsync(int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        return _caller.GetAsync(
            new SourceRequest("networks", new QueryBuilder("networks").Add("page", page).ToString()),
            JsonParsers.For<JsonApiList<NetworkAttributes>, IReadOnlyList<GeckoNetwork>>(GeckoTerminalJsonContext.Default.JsonApiListNetworkAttributes, GeckoTerminalParsers.Networks),
            cancellationToken);
    }

    /// <summary>Gets trending pools across all networks (<c>/networks/trending_pools</c>) or on one network (<c>/networks/{network}/trending_pools</c>), with base and quote tokens.</summary>
    /// <param name="network">The network id (e.g. <c>eth</c>), or null for all networks.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pools, most trending first.</returns>
    /// <exception cref="ArgumentException"><paramref name="network"/> is empty, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="page"/> is below 1.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<GeckoPool>> GetTrendingPoolsAsync(string? network = null, int page = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        var path = network is null ? "networks/trending_pools" : "networks/" + QueryBuilder.Segment(network, nameof(network)) + "/trending_pools";
        var uri = new QueryBuilder(path).Add("include", "base_token,quote_token,dex").Add("page", page).ToString();
        return _caller.GetAsync(
            new SourceRequest("pools.trending", uri),
            JsonParsers.For<JsonApiList<PoolAttributes>, IReadOnlyList<GeckoPool>>(GeckoTerminalJsonContext.Default.JsonApiListPoolAttributes, body => GeckoTerminalParsers.Pools(body, network)),
            cancellationToken);
    }

    /// <summary>Gets a pool's candles (<c>/networks/{network}/pools/{address}/ohlcv/{timeframe}</c>).</summary>
    /// <param name="network">The network id, e.g. <c>eth</c>.</param>
    /// <param name="poolAddress">The pool's address.</param>
    /// <param name="timeframe"><c>day</c>, <c>hour</c> or <c>minute</c>.</param>
    /// <param name="aggregate">The candle size in timeframes (day: 1; hour: 1, 4, 12; minute: 1, 5, 15), or null for 1.</param>
    /// <param name="before">Only candles before this time, or null for the latest.</param>
    /// <param name="limit">How many candles, 1 to 1000, or null for the API's default (100).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The candles, newest first as sent, with the pool's tokens.</returns>
    /// <exception cref="ArgumentException">A path argument is empty, or <paramref name="timeframe"/> is not day, hour or minute.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregate"/> or <paramref name="limit"/> is out of range.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<GeckoOhlcv> GetPoolOhlcvAsync(
        string network, string poolAddress, string timeframe, int? aggregate = null, DateTimeOffset? before = null, int? limit = null, CancellationToken cancellationToken = default)
    {
        if (timeframe is not ("day" or "hour" or "minute"))
        {
            throw new ArgumentException("timeframe must be day, hour or minute.", nameof(timeframe));
        }

        if (aggregate is { } a && !(timeframe switch { "day" => a == 1, "hour" => a is 1 or 4 or 12, _ => a is 1 or 5 or 15 }))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregate), a, "aggregate must be 1 for day, 1, 4 or 12 for hour, 1, 5 or 15 for minute.");
        }

        if (limit is { } l)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(l, 1, nameof(limit));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(l, 1000, nameof(limit));
        }

        var uri = new QueryBuilder(PoolPath(network, poolAddress) + "/ohlcv/" + timeframe)
            .Add("aggregate", aggregate)
            .Add("before_timestamp", before?.ToUnixTimeSeconds())
            .Add("limit", limit)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("pools.ohlcv", uri),
            JsonParsers.For<JsonApiSingle<OhlcvAttributes, OhlcvMeta>, GeckoOhlcv>(GeckoTerminalJsonContext.Default.JsonApiSingleOhlcvAttributesOhlcvMeta, GeckoTerminalParsers.Ohlcv),
            cancellationToken);
    }

    /// <summary>Gets a pool's latest trades (<c>/networks/{network}/pools/{address}/trades</c>, the last 24 hours, up to 300).</summary>
    /// <param name="network">The network id, e.g. <c>eth</c>.</param>
    /// <param name="poolAddress">The pool's address.</param>
    /// <param name="minVolumeUsd">Only trades worth at least this many USD, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The trades, newest first.</returns>
    /// <exception cref="ArgumentException">A path argument is empty, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minVolumeUsd"/> is negative.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<GeckoTrade>> GetPoolTradesAsync(string network, string poolAddress, decimal? minVolumeUsd = null, CancellationToken cancellationToken = default)
    {
        if (minVolumeUsd is { } min)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(min, nameof(minVolumeUsd));
        }

        var uri = new QueryBuilder(PoolPath(network, poolAddress) + "/trades")
            .Add("trade_volume_in_usd_greater_than", minVolumeUsd?.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("pools.trades", uri),
            JsonParsers.For<JsonApiList<TradeAttributes>, IReadOnlyList<GeckoTrade>>(GeckoTerminalJsonContext.Default.JsonApiListTradeAttributes, GeckoTerminalParsers.Trades),
            cancellationToken);
    }

    /// <summary>Gets USD prices of tokens on one network (<c>/simple/networks/{network}/token_price/{addresses}</c>).</summary>
    /// <param name="network">The network id, e.g. <c>eth</c>.</param>
    /// <param name="tokenAddresses">Up to 30 token addresses.</param>
    /// <param name="includeMarketData">Whether to include market cap, 24-hour volume and change, and total reserve.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One price per address the API answered for.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokenAddresses"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="network"/> or an address is empty, or there are no or more than 30 addresses.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<GeckoTokenPrice>> GetTokenPricesAsync(
        string network, IEnumerable<string> tokenAddresses, bool includeMarketData = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenAddresses);
        var addresses = tokenAddresses.Select(a => QueryBuilder.Segment(a, nameof(tokenAddresses))).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count is 0 or > MaxTokenAddressesPerCall)
        {
            throw new ArgumentException("Give 1 to 30 token addresses.", nameof(tokenAddresses));
        }

        var uri = new QueryBuilder("simple/networks/" + QueryBuilder.Segment(network, nameof(network)) + "/token_price/" + string.Join(',', addresses))
            .Add("include_market_cap", includeMarketData ? true : null)
            .Add("include_24hr_vol", includeMarketData ? true : null)
            .Add("include_24hr_price_change", includeMarketData ? true : null)
            .Add("include_total_reserve_in_usd", includeMarketData ? true : null)
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("simple.token_price", uri),
            JsonParsers.For<JsonApiSingle<TokenPriceAttributes, System.Text.Json.JsonElement>, IReadOnlyList<GeckoTokenPrice>>(
                GeckoTerminalJsonContext.Default.JsonApiSingleTokenPriceAttributesJsonElement, GeckoTerminalParsers.TokenPrices),
            cancellationToken);
    }

    private static string PoolPath(string network, string poolAddress) =>
        "networks/" + QueryBuilder.Segment(network, nameof(network)) + "/pools/" + QueryBuilder.Segment(poolAddress, nameof(poolAddress));
}
