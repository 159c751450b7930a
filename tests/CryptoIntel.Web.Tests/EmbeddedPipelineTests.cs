using CryptoIntel.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Web.Tests;

/// <summary>Embedded mode runs the collection pipeline in-process (here on the worker's replayed responses).</summary>
public sealed class EmbeddedPipelineTests
{
    private sealed class EmbeddedFactory : WebAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Web:RunPipeline", "true"),
            new("CryptoIntel:Sources:ReplayDirectory", Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "CryptoIntel.Worker", "replay")),
        ];
    }

    [Fact]
    public async Task EmbeddedMode_RegistersThePipeline_ReaderModeDoesNot()
    {
        await using var embedded = new EmbeddedFactory();
        Assert.NotNull(embedded.Services.GetService<CollectionCycle>());

        await using var reader = new WebAppFactory();
        Assert.Null(reader.Services.GetService<CollectionCycle>());
    }
}
