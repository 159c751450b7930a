using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

public sealed class CoinGeckoConformanceTests : SourceClientConformanceTests<CoinGeckoClient>
{
    protected override string Provider => "coingecko";

    protected override string? KeyHeader => "x-cg-demo-api-key";

    protected override string GoodBody => Fixture.Read("coingecko/markets_page.json");

    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddCoinGecko(o => configure(o));

    protected override Task InvokeAsync(CoinGeckoClient client, CancellationToken cancellationToken) =>
        client.GetMarketsAsync(cancellationToken: cancellationToken);
}
