using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.DefiLlama;

public class ProtocolDefaultsTests
{
    [Fact(Timeout = 20000)]
    public async Task GetProtocolsAsync_MissingOrNullCollections_AreEmptyNotNull()
    {
        await using var host = SourceTestHost.Create(b => b.AddDefiLlama(o => o.MaxRetryAttempts = 0));
        host.Stub.RespondJson("[{}, {\"name\": null, \"chains\": null, \"chainTvls\": null}]");

        var protocols = await host.Get<DefiLlamaClient>().GetProtocolsAsync(TestContext.Current.CancellationToken);

        Assert.All(protocols, p =>
        {
            Assert.Equal(string.Empty, p.Name);
            Assert.Empty(p.Chains);
            Assert.Empty(p.ChainTvls);
        });
    }
}
