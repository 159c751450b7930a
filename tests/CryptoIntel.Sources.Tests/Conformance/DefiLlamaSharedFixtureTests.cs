using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>The DeFi Llama examples in <c>../shared/fixtures/defillama</c> (doc examples, some synthesized), replayed through the real client.</summary>
public class DefiLlamaSharedFixtureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host() => SourceTestHost.Create(b => b.AddDefiLlama(o =>
    {
        o.MaxRetryAttempts = 0;
        o.StaleDuration = TimeSpan.Zero;
    }));

    [Fact]
    [SharedFixture("defillama/protocols_docs.json")]
    public async Task Protocols_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/protocols_docs.json");

        var protocol = Assert.Single(await host.Get<DefiLlamaClient>().GetProtocolsAsync(Ct));

        Assert.Equal(("2269", "Aave", "AAVE", "Lending"), (protocol.Id, protocol.Name, protocol.Symbol, protocol.Category));
        Assert.Equal(5_200_000_000m, protocol.Tvl);
        Assert.Equal(3_200_000_000m, protocol.ChainTvls["Ethereum"]);
        Assert.Equal((2.1m, -5.3m), (protocol.Change1d, protocol.Change7d));
        Assert.Null(protocol.Slug);
    }

    [Fact]
    [SharedFixture("defillama/protocols_docs.json")]
    public async Task Protocols_DocExample_Streams()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/protocols_docs.json");

        var names = new List<string>();
        await foreach (var protocol in host.Get<DefiLlamaClient>().StreamProtocolsAsync(Ct))
        {
            names.Add(protocol.Name);
        }

        Assert.Equal(["Aave"], names);
    }

    [Fact]
    [SharedFixture("defillama/protocol_docs.json")]
    public async Task Protocol_DocExample_ReadsPerChainHistory()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/protocol_docs.json");

        var detail = await host.Get<DefiLlamaClient>().GetProtocolAsync("aave", Ct);

        Assert.Equal(("parent#aave", "AAVE"), (detail.Id, detail.Name));
        Assert.Equal(["Ethereum", "Polygon", "Avalanche"], detail.Chains);
        Assert.Equal(1_500_000_000m, detail.CurrentChainTvls["Polygon"]);
        Assert.Empty(detail.Tvl); // the example has no top-level history
        Assert.Equal([new DefiLlamaPoint(DateTimeOffset.FromUnixTimeSeconds(1609459200), 1_000_000m)], detail.ChainTvls["Ethereum"]);
    }

    [Fact]
    [SharedFixture("defillama/tvl_protocol_docs.json")]
    public async Task Tvl_DocExample_IsABareNumber()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/tvl_protocol_docs.json");

        Assert.Equal(4962012809.795062m, await host.Get<DefiLlamaClient>().GetTvlAsync("aave", Ct));
    }

    [Fact]
    [SharedFixture("defillama/v2_chains_docs.json")]
    public async Task Chains_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/v2_chains_docs.json");

        var chain = Assert.Single(await host.Get<DefiLlamaClient>().GetChainsAsync(Ct));

        Assert.Equal(("Ethereum", 65998652431.40251m, "ETH", "ethereum", "1027", "1"), (chain.Name, chain.Tvl, chain.TokenSymbol, chain.GeckoId, chain.CmcId, chain.ChainId));
    }

    [Fact]
    [SharedFixture("defillama/stablecoins_docs.json")]
    public async Task Stablecoins_DocExample_ParsesCirculationAndPrice()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/stablecoins_docs.json");

        var usdt = Assert.Single(await host.Get<DefiLlamaClient>().GetStablecoinsAsync(Ct));

        Assert.Equal(("1", "Tether", "USDT", "fiat-backed"), (usdt.Id, usdt.Name, usdt.Symbol, usdt.PegMechanism));
        Assert.Equal(159510682147.76874m, usdt.CirculatingInPeg);
        Assert.Equal(50_000_000_000m, usdt.ChainCirculating["Ethereum"]["peggedUSD"]);
        Assert.Equal(["Ethereum", "Tron", "BSC"], usdt.Chains);
        Assert.Equal(1.001m, usdt.Price);
    }

    [Fact]
    [SharedFixture("defillama/yields_pools_docs.json")]
    public async Task Pools_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/yields_pools_docs.json");

        var pool = Assert.Single(await host.Get<DefiLlamaClient>().GetYieldPoolsAsync(Ct));

        Assert.Equal(("747c1d2a-c668-4682-b9f9-296708a3dd90", "Ethereum", "lido", "STETH"), (pool.Pool, pool.Chain, pool.Project, pool.Symbol));
        Assert.Equal((32_493_036_117m, 2.84m, 2.84m), (pool.TvlUsd, pool.Apy, pool.ApyBase));
        Assert.Equal((-0.04m, -0.056m, 2.73539m), (pool.ApyChange1d, pool.ApyChange7d, pool.ApyMean30d));
        Assert.Equal((false, "no", "single"), (pool.Stablecoin, pool.IlRisk, pool.Exposure));
        Assert.Equal(["0x0000000000000000000000000000000000000000"], pool.UnderlyingTokens);
        Assert.Equal("Stable/Up", pool.Prediction!.PredictedClass);
    }

    [Fact]
    [SharedFixture("defillama/coins_prices_current_docs.json")]
    public async Task Prices_DocExample_KeepsTheDocBugTimestamp()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/coins_prices_current_docs.json");

        var price = Assert.Single(await host.Get<DefiLlamaClient>().GetCurrentPricesAsync(["ethereum:0xdF574c24545E5FfEcb9a659c229253D4111d87e1"], Ct));

        Assert.Equal(("ethereum:0xdF574c24545E5FfEcb9a659c229253D4111d87e1", 0.022053735051098835m, "cDAI", 8), (price.Key, price.Price, price.Symbol, price.Decimals));
        Assert.Equal(0.99, price.Confidence);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(990), price.Timestamp); // the docs' 0.99 "seconds", read as sent
    }

    [Fact]
    [SharedFixture("defillama/summary_fees_docs.json")]
    public async Task FeesSummary_DocExample_Parses()
    {
        await using var host = Host();
        host.Stub.RespondShared("defillama/summary_fees_docs.json");

        var fees = await host.Get<DefiLlamaClient>().GetFeesSummaryAsync("hyperliquid", "dailyRevenue", Ct);

        Assert.Equal("https://api.llama.fi/summary/fees/hyperliquid?dataType=dailyRevenue", host.Stub.Requests.Single().Uri.AbsoluteUri);
        Assert.Equal(("parent#hyperliquid", "Hyperliquid", "hyperliquid"), (fees.Id, fees.Name, fees.Slug));
        Assert.Null(fees.Category);
        Assert.Equal(["Hyperliquid L1"], fees.Chains);
        Assert.Equal((4_890_250m, 4_550_411m, 26_184_696m, 499_292_857m, 7.47m), (fees.Total24h, fees.Total48hTo24h, fees.Total7d, fees.TotalAllTime, fees.Change1d));
        Assert.Equal([new DefiLlamaPoint(DateTimeOffset.FromUnixTimeSeconds(1734912000), 1_472_923m)], fees.DailyTotals);
    }
}
