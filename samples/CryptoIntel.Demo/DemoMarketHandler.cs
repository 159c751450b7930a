using System.Net;
using CryptoIntel.Demo.Wire;

namespace CryptoIntel.Demo;

/// <summary>
/// The primary handler of one source's HTTP client in demo mode: answers the provider's requests from a
/// <see cref="MarketSimulator"/>, in that provider's own response format, without touching the network. The rest of the
/// client pipeline (resilience, budget, cache, parsers) runs as it does live.
/// </summary>
public sealed class DemoMarketHandler : HttpMessageHandler
{
    private readonly MarketSimulator _market;

    /// <summary>Creates a handler that answers as <paramref name="provider"/>.</summary>
    /// <param name="market">The simulated market.</param>
    /// <param name="provider">The provider name (<c>coingecko</c>, <c>coinmarketcap</c>, <c>defillama</c>, <c>kraken</c>, <c>cryptopanic</c>, <c>news</c>, <c>feargreed</c>, <c>binance</c>, <c>geckoterminal</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="market"/> or <paramref name="provider"/> is null.</exception>
    public DemoMarketHandler(MarketSimulator market, string provider)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(provider);
        _market = market;
        Provider = provider;
    }

    /// <summary>Gets the provider this handler answers as.</summary>
    public string Provider { get; }

    /// <summary>Gets the providers the simulator answers for.</summary>
    public static IReadOnlyList<string> Providers { get; } = ["coingecko", "coinmarketcap", "defillama", "kraken", "cryptopanic", "news", "feargreed", "binance", "geckoterminal"];

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var wire = new WireRequest(uri);
        var answer = request.Method != HttpMethod.Get
            ? WireResponse.NotFound("The demo market answers GET only.")
            : _market.Read(market => Route(market, wire));
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(answer.Body),
        };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", answer.ContentType);
        response.Headers.TryAddWithoutValidation("X-Demo-Market", "simulated");
        return Task.FromResult(response);
    }

    private WireResponse Route(MarketSimulator market, WireRequest request) => Provider switch
    {
        "coingecko" => CoinGeckoWire.Answer(market, request),
        "coinmarketcap" => CoinMarketCapWire.Answer(market, request),
        "defillama" => DefiLlamaWire.Answer(market, request),
        "kraken" => ExchangeWire.Kraken(market, request),
        "cryptopanic" => NewsWire.CryptoPanic(market, request),
        "news" => NewsWire.Feed(market, request),
        "feargreed" => ExchangeWire.FearGreed(market, request),
        "binance" => ExchangeWire.Binance(market, request),
        "geckoterminal" => ExchangeWire.GeckoTerminal(market, request),
        _ => WireResponse.NotFound("The demo market does not simulate the provider " + Provider),
    };
}
