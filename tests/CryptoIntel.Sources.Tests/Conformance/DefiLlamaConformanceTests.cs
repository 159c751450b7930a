using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

public sealed class DefiLlamaConformanceTests : SourceClientConformanceTests<DefiLlamaClient>
{
    protected override string Provider => "defillama";

    protected override string? KeyHeader => null;

    protected override string GoodBody => Fixture.Read("defillama/protocols.json");

    // A key-less provider still must not leak a key a user configured (the base leaves ApiKey null when KeyHeader is null).
    protected override ISourceBuilder Add(ICryptoIntelBuilder builder, Action<SourceClientOptions> configure) =>
        builder.AddDefiLlama(o =>
        {
            configure(o);
            o.ApiKey ??= TestKey;
        });

    protected override Task InvokeAsync(DefiLlamaClient client, CancellationToken cancellationToken) =>
        client.GetProtocolsAsync(cancellationToken);
}
