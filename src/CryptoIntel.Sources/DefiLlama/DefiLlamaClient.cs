using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using CryptoIntel.Sources.DefiLlama.Internal;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.DefiLlama;

/// <summary>
/// The DeFi Llama API (free, or Pro): protocols and their TVL history, chains and their TVL history, stablecoins,
/// yield pools, coin prices and fee summaries, over its four hosts (see <see cref="DefiLlamaClientOptions"/>). Large
/// answers (<c>/protocols</c> and <c>/pools</c> are several MB) are parsed from the response stream, never into a DOM.
/// Dates arrive as Unix seconds, as numbers or strings, and are returned as UTC <see cref="DateTimeOffset"/>.
/// </summary>
/// <remarks>Register with <c>services.AddCryptoIntel().AddDefiLlama(...)</c>; the instance is a thread-safe singleton.</remarks>
public class DefiLlamaClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "defillama";

    private readonly SourceCaller _caller = null!;

    internal DefiLlamaClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected DefiLlamaClient()
    {
    }

    private DefiLlamaClientOptions Options => (DefiLlamaClientOptions)_caller.Options;

    /// <summary>Gets every protocol with its current TVL (<c>/protocols</c>), cached.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocols, as DeFi Llama orders them.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaProtocol>> GetProtocolsAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("protocols", "protocols"),
            DefiLlamaParsers.Protocols,
            cancellationToken);

    /// <summary>
    /// Streams every protocol of <c>/protocols</c> as it is read from the network, without holding the list: each
    /// protocol is handed over as soon as it is parsed. This call is never cached (use <see cref="GetProtocolsAsync"/>
    /// for that) and spends one request of the budget each time it is enumerated.
    /// </summary>
    /// <param name="cancellationToken">Cancels the enumeration and the download.</param>
    /// <returns>The protocols, in the order of the body.</returns>
    /// <exception cref="SourceRequestException">The call failed; protocols read before the failure have already been yielded.</exception>
    public virtual async IAsyncEnumerable<DefiLlamaProtocol> StreamProtocolsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<DefiLlamaProtocol>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceProtocolsAsync(channel.Writer, stop.Token);
        try
        {
            await foreach (var protocol in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return protocol;
            }
        }
        finally
        {
            // The consumer may stop early: end the download, then wait for it so nothing outlives the enumeration.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>Gets a protocol's detail with its TVL history, overall and per chain (<c>/protocol/{slug}</c>).</summary>
    /// <param name="slug">The protocol's slug, e.g. <c>aave</c> (see <see cref="DefiLlamaProtocol.Slug"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException"><paramref name="slug"/> is null, empty, white space, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<DefiLlamaProtocolDetail> GetProtocolAsync(string slug, CancellationToken cancellationToken = default)
    {
        var path = "protocol/" + QueryBuilder.Segment(slug?.Trim()!, nameof(slug));
        return _caller.GetAsync(
            new SourceRequest("protocol", path),
            JsonParsers.For<ProtocolDetailDto, DefiLlamaProtocolDetail>(DefiLlamaJsonContext.Default.ProtocolDetailDto, DefiLlamaParsers.Detail),
            cancellationToken);
    }

    /// <summary>Gets a protocol's current TVL in USD (<c>/tvl/{slug}</c>, a bare number).</summary>
    /// <param name="slug">The protocol's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The TVL in USD.</returns>
    /// <exception cref="ArgumentException"><paramref name="slug"/> is null, empty, white space, <c>.</c> or <c>..</c>.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<decimal> GetTvlAsync(string slug, CancellationToken cancellationToken = default)
    {
        var path = "tvl/" + QueryBuilder.Segment(slug?.Trim()!, nameof(slug));
        return _caller.GetAsync(
            new SourceRequest("tvl", path),
            static async (body, ct) => await JsonSerializer.DeserializeAsync(body, DefiLlamaJsonContext.Default.NullableDecimal, ct).ConfigureAwait(false)
                ?? throw new JsonException("The body is not a number."),
            cancellationToken);
    }

    /// <summary>Gets every chain with its current TVL (<c>/v2/chains</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The chains.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaChain>> GetChainsAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("chains", "v2/chains"),
            JsonParsers.For<List<DefiLlamaChain>, IReadOnlyList<DefiLlamaChain>>(DefiLlamaJsonContext.Default.ListDefiLlamaChain, list => list),
            cancellationToken);

    /// <summary>Gets the daily TVL history of all chains together, or of one chain (<c>/v2/historicalChainTvl[/{chain}]</c>).</summary>
    /// <param name="chain">The chain (DeFi Llama's name, e.g. <c>Ethereum</c>; <see cref="CryptoIntel.Chain"/> values work), or null for all chains.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The history, oldest first.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaPoint>> GetHistoricalChainTvlAsync(string? chain = null, CancellationToken cancellationToken = default)
    {
        var path = string.IsNullOrWhiteSpace(chain) ? "v2/historicalChainTvl" : "v2/historicalChainTvl/" + QueryBuilder.Segment(chain.Trim(), nameof(chain));
        return _caller.GetAsync(
            new SourceRequest("chains.historical_tvl", path),
            JsonParsers.For<List<PointDto?>, IReadOnlyList<DefiLlamaPoint>>(DefiLlamaJsonContext.Default.ListPointDto, DefiLlamaParsers.Points),
            cancellationToken);
    }

    /// <summary>Gets every stablecoin with its circulation and price (<c>stablecoins.llama.fi/stablecoins?includePrices=true</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stablecoins.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaStablecoin>> GetStablecoinsAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("stablecoins", Options.GetStablecoinsAddress().AbsoluteUri + "stablecoins?includePrices=true"),
            JsonParsers.For<StablecoinsDto, IReadOnlyList<DefiLlamaStablecoin>>(DefiLlamaJsonContext.Default.StablecoinsDto, DefiLlamaParsers.Stablecoins),
            cancellationToken);

    /// <summary>Gets every yield pool with its TVL and APY (<c>yields.llama.fi/pools</c>; thousands of rows).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pools.</returns>
    /// <exception cref="SourceRequestException">The call failed (a <c>status</c> other than <c>success</c> is a provider error) and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaYieldPool>> GetYieldPoolsAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("yields.pools", Options.GetYieldsAddress().AbsoluteUri + "pools"),
            JsonParsers.For<YieldPoolsDto, IReadOnlyList<DefiLlamaYieldPool>>(DefiLlamaJsonContext.Default.YieldPoolsDto, DefiLlamaParsers.Pools),
            cancellationToken);

    /// <summary>Gets current USD prices (<c>coins.llama.fi/prices/current/{coins}</c>).</summary>
    /// <param name="coins">Coin keys: <c>coingecko:{id}</c> or <c>{chain}:{address}</c> (e.g. <c>ethereum:0x6b17…</c>). A key in an unknown namespace is simply absent from the answer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One price per key DeFi Llama knows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="coins"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="coins"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaCoinPrice>> GetCurrentPricesAsync(IEnumerable<string> coins, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coins);
        var keys = coins.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            throw new ArgumentException("At least one coin key is needed.", nameof(coins));
        }

        // ':' is allowed in a path segment and is how DeFi Llama separates namespace and id; everything else is escaped.
        var path = string.Join(',', keys.Select(k => Uri.EscapeDataString(k).Replace("%3A", ":", StringComparison.Ordinal)));
        return _caller.GetAsync(
            new SourceRequest("coins.prices_current", Options.GetCoinsAddress().AbsoluteUri + "prices/current/" + path),
            JsonParsers.For<CoinPricesDto, IReadOnlyList<DefiLlamaCoinPrice>>(DefiLlamaJsonContext.Default.CoinPricesDto, DefiLlamaParsers.Prices),
            cancellationToken);
    }

    /// <summary>Gets current USD prices of assets by their CoinGecko id (keys <c>coingecko:{id}</c>).</summary>
    /// <param name="assets">The assets.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One price per asset DeFi Llama knows; <see cref="DefiLlamaCoinPrice.ToPricePoint"/> gives the normalized point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assets"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="assets"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<DefiLlamaCoinPrice>> GetCurrentPricesByAssetAsync(IEnumerable<AssetId> assets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assets);
        return GetCurrentPricesAsync(assets.Where(a => !a.IsEmpty).Select(a => "coingecko:" + a.Value), cancellationToken);
    }

    /// <summary>Gets a protocol's fees or revenue (<c>/summary/fees/{slug}?dataType=</c>).</summary>
    /// <param name="slug">The protocol's slug, e.g. <c>hyperliquid</c>.</param>
    /// <param name="dataType">What to total: <c>dailyFees</c>, <c>dailyRevenue</c> or another type DeFi Llama accepts.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException"><paramref name="slug"/> or <paramref name="dataType"/> is null, empty or white space.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<DefiLlamaFeesSummary> GetFeesSummaryAsync(string slug, string dataType = "dailyFees", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataType);
        var uri = new QueryBuilder("summary/fees/" + QueryBuilder.Segment(slug?.Trim()!, nameof(slug))).Add("dataType", dataType.Trim()).ToString();
        return _caller.GetAsync(
            new SourceRequest("fees.summary", uri),
            JsonParsers.For<FeesSummaryDto, DefiLlamaFeesSummary>(DefiLlamaJsonContext.Default.FeesSummaryDto, DefiLlamaParsers.Fees),
            cancellationToken);
    }

    private async Task ProduceProtocolsAsync(ChannelWriter<DefiLlamaProtocol> writer, CancellationToken cancellationToken)
    {
        // Whatever happens, the writer is completed, so the reader can never wait forever; a failure reaches the
        // reader as the exception it rethrows (a SourceRequestException from the caller's error mapping).
        Exception? failure = null;
        try
        {
            await _caller.FetchAsync(
                new SourceRequest("protocols.stream", "protocols"),
                async (body, ct) =>
                {
                    await foreach (var protocol in JsonSerializer.DeserializeAsyncEnumerable(body, DefiLlamaJsonContext.Default.DefiLlamaProtocol, ct).ConfigureAwait(false))
                    {
                        if (protocol is not null)
                        {
                            await writer.WriteAsync(protocol, ct).ConfigureAwait(false);
                        }
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the consumer stopped early or was cancelled: it sees its own cancellation, not this one
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = error;
        }
        finally
        {
            writer.TryComplete(failure);
        }
    }
}
