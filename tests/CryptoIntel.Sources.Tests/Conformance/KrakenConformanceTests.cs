using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

public sealed class KrakenConformanceTests : SourceClientConformanceTests<KrakenClient>
{
    protected override string Provider => "kraken";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("kraken/ticker.json");

    // A key-less provider still must not leak a key a user configured (the base leaves ApiKey null when KeyHeader is null).
    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddKraken(o =>
        {
            configure(o);
            o.ApiKey ??= TestKey;
        });

    protected override Task InvokeAsync(KrakenClient client, CancellationToken cancellationToken) =>
        client.GetTickersAsync(["XBTUSD"], cancellationToken);
}
