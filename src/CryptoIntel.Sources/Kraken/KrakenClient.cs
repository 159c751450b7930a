using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Kraken.Internal;

namespace CryptoIntel.Sources.Kraken;

/// <summary>
/// Kraken's public spot market data (<c>/0/public/</c>): tickers, candles and the system status. No key is needed.
/// Kraken reports errors in the body's <c>error</c> array, often with HTTP 200; a non-empty array fails with
/// <see cref="SourceRequestException"/> whose <see cref="SourceRequestException.ErrorCode"/> is the first error
/// (e.g. <c>EQuery:Unknown asset pair</c>), and <c>EGeneral:Too many requests</c> or <c>EAPI:Rate limit exceeded</c> are
/// <see cref="SourceFailureKind.RateLimited"/>.
/// </summary>
/// <remarks>
/// Kraken renames pairs in its answers (<c>XBTUSD</c> comes back as <c>XXBTZUSD</c>, <c>ETHUSD</c> as <c>XETHZUSD</c>);
/// the models keep the key exactly as returned, so match on it rather than on the name you asked for.
/// Register with <c>services.AddCryptoIntel().AddKraken(...)</c>; the instance is a thread-safe singleton.
/// </remarks>
public class KrakenClient
{
    /// <summary>The provider name used in options sections, metrics, logs and cache keys.</summary>
    public const string ProviderName = "kraken";

    private static readonly int[] Intervals = [1, 5, 15, 30, 60, 240, 1440, 10080, 21600];

    private readonly SourceCaller _caller = null!;

    internal KrakenClient(SourceCaller caller) => _caller = caller;

    /// <summary>Creates a client for mocking.</summary>
    protected KrakenClient()
    {
    }

    /// <summary>Gets the tickers of one or more pairs (<c>/0/public/Ticker?pair=</c>).</summary>
    /// <param name="pairs">The pairs, e.g. <c>XBTUSD</c>, <c>ETHEUR</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>One ticker per pair, keyed as Kraken returns it (<c>XXBTZUSD</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairs"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="pairs"/> is empty.</exception>
    /// <exception cref="SourceRequestException">The call failed (an unknown pair gives error <c>EQuery:Unknown asset pair</c>) and no last good value was available.</exception>
    public virtual Task<IReadOnlyList<KrakenTicker>> GetTickersAsync(IEnumerable<string> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var list = pairs.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one pair is needed.", nameof(pairs));
        }

        return _caller.GetAsync(
            new SourceRequest("ticker", new QueryBuilder("Ticker").Add("pair", list).ToString()),
            KrakenParsers.Envelope<Dictionary<string, KrakenTickerDto>, IReadOnlyList<KrakenTicker>>(KrakenJsonContext.Default.KrakenEnvelopeDictionaryStringKrakenTickerDto, KrakenParsers.Tickers),
            cancellationToken);
    }

    /// <summary>Gets candles of one pair (<c>/0/public/OHLC</c>): at most 720, newest last; page forward with <see cref="KrakenOhlc.Last"/>.</summary>
    /// <param name="pair">The pair, e.g. <c>XBTUSD</c>.</param>
    /// <param name="intervalMinutes">The candle length in minutes: 1, 5, 15, 30, 60, 240, 1440, 10080 or 21600.</param>
    /// <param name="since">Return candles after this time (Kraken's <c>since</c>), or null for the latest 720.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The candles and the cursor.</returns>
    /// <exception cref="ArgumentException"><paramref name="pair"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalMinutes"/> is not an accepted value.</exception>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<KrakenOhlc> GetOhlcAsync(string pair, int intervalMinutes = 1, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pair);
        if (Array.IndexOf(Intervals, intervalMinutes) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMinutes), intervalMinutes, "intervalMinutes must be one of 1, 5, 15, 30, 60, 240, 1440, 10080, 21600.");
        }

        var uri = new QueryBuilder("OHLC")
            .Add("pair", pair.Trim().ToUpperInvariant())
            .Add("interval", intervalMinutes)
            .Add("since", since?.ToUnixTimeSeconds())
            .ToString();
        return _caller.GetAsync(
            new SourceRequest("ohlc", uri),
            KrakenParsers.Envelope<Dictionary<string, System.Text.Json.JsonElement>, KrakenOhlc>(KrakenJsonContext.Default.KrakenEnvelopeDictionaryStringJsonElement, KrakenParsers.Ohlc),
            cancellationToken);
    }

    /// <summary>Gets the exchange's state (<c>/0/public/SystemStatus</c>).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status.</returns>
    /// <exception cref="SourceRequestException">The call failed and no last good value was available.</exception>
    public virtual Task<KrakenSystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken = default) =>
        _caller.GetAsync(
            new SourceRequest("system_status", "SystemStatus"),
            KrakenParsers.Envelope<KrakenStatusDto, KrakenSystemStatus>(KrakenJsonContext.Default.KrakenEnvelopeKrakenStatusDto, KrakenParsers.Status),
            cancellationToken);
}
