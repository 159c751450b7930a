using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

public sealed class CoinMarketCapConformanceTests : SourceClientConformanceTests<CoinMarketCapClient>
{
    protected override string Provider => "coinmarketcap";

    protected override string? KeyHeader => "X-CMC_PRO_API_KEY";

    protected override string GoodBody => Fixture.Read("coinmarketcap/listings.json");

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddCoinMarketCap(o => configure(o));

    protected override Task InvokeAsync(CoinMarketCapClient client, CancellationToken cancellationToken) =>
        client.GetListingsAsync(cancellationToken: cancellationToken);
}
