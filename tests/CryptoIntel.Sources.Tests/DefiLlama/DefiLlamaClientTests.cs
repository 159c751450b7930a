using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Tests.DefiLlama;

public class DefiLlamaClientTests
{
    private const string ProKey = "llama-pro-key-0123456789";

    private static SourceTestHost Host(Action<DefiLlamaClientOptions>? configure = null, Action<SourcesOptions>? sources = null) =>
        SourceTestHost.Create(b => b.ConfigureSources(s => sources?.Invoke(s)).AddDefiLlama(o =>
        {
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<DefiLlamaClient>();
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetProtocolAsync(" ", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => client.GetProtocolAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetProtocolAsync("..", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetTvlAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetCurrentPricesAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetCurrentPricesAsync(["", " "], Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.GetCurrentPricesByAssetAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetCurrentPricesByAssetAsync([default], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetFeesSummaryAsync("aave", " ", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetFeesSummaryAsync(".", cancellationToken: Ct));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public void Options_Defaults_AreFreeHostsAndAConservativeRate()
    {
        var options = new DefiLlamaClientOptions();

        Assert.Equal(("https://api.llama.fi/", "https://coins.llama.fi/", "https://stablecoins.llama.fi/", "https://yields.llama.fi/"),
            (options.GetBaseAddress().AbsoluteUri, options.GetCoinsAddress().AbsoluteUri, options.GetStablecoinsAddress().AbsoluteUri, options.GetYieldsAddress().AbsoluteUri));
        Assert.Equal((120, 0), (options.RequestsPerMinute, options.MonthlyQuota));
        Assert.Null(options.GetApiKeyHeaderName());
        Assert.All(options.CacheDurations.Values, d => Assert.True(d >= TimeSpan.FromMinutes(1)));
        options.Plan = SourcePlan.Paid;
        Assert.Equal(("https://pro-api.llama.fi/api/", "https://pro-api.llama.fi/coins/", "https://pro-api.llama.fi/stablecoins/", "https://pro-api.llama.fi/yields/"),
            (options.GetBaseAddress().AbsoluteUri, options.GetCoinsAddress().AbsoluteUri, options.GetStablecoinsAddress().AbsoluteUri, options.GetYieldsAddress().AbsoluteUri));
    }

    [Fact]
    public async Task GetProtocolsAsync_List_ParsesStringsNumbersNullsAndIsCached()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/protocols.json");
        var client = host.Get<DefiLlamaClient>();

        var protocols = await client.GetProtocolsAsync(Ct);
        await client.GetProtocolsAsync(Ct);

        Assert.Equal("https://api.llama.fi/protocols", Assert.Single(host.Stub.Requests).Uri.AbsoluteUri);
        Assert.Equal(2, protocols.Count);
        var lend = protocols[0];
        Assert.Equal(("111", "example-lend", "Lending", "12345"), (lend.Id, lend.Slug, lend.Category, lend.CmcId)); // cmcId sent as a number
        Assert.Equal(12_500_000_000m, lend.Tvl); // 1.25e10
        Assert.Equal(2_500_000_000m, lend.ChainTvls["Arbitrum"]); // a number in a string
        Assert.Equal(4_100_000_000m, lend.ChainTvls["Ethereum-borrowed"]);
        Assert.Equal(["Ethereum", "Arbitrum"], lend.Chains);
        Assert.Equal((0.05m, -1.2m), (lend.Change1h, lend.Change1d));
        Assert.Null(lend.Change7d);
        Assert.Equal(2_100_000_000m, lend.MarketCap);
        var dex = protocols[1];
        Assert.Equal("222", dex.Id); // id sent as a number
        Assert.Null(dex.Tvl);
        Assert.Null(dex.GeckoId);
        Assert.Empty(dex.ChainTvls);
    }

    [Fact]
    public async Task StreamProtocolsAsync_Body_YieldsEachProtocolAndIsNeverCached()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/protocols.json");
        var client = host.Get<DefiLlamaClient>();

        var first = new List<DefiLlamaProtocol>();
        await foreach (var protocol in client.StreamProtocolsAsync(Ct))
        {
            first.Add(protocol);
        }

        var second = new List<DefiLlamaProtocol>();
        await foreach (var protocol in client.StreamProtocolsAsync(Ct))
        {
            second.Add(protocol);
        }

        Assert.Equal(["Example Lend", "Example Dex"], first.Select(p => p.Name));
        Assert.Equal(first.Select(p => (p.Id, p.Tvl, p.CmcId)), second.Select(p => (p.Id, p.Tvl, p.CmcId)));
        Assert.Equal(2_500_000_000m, first[0].ChainTvls["Arbitrum"]);
        Assert.Equal(2, host.Stub.Count);
    }

    [Fact]
    public async Task StreamProtocolsAsync_TruncatedBody_YieldsWhatWasReadThenThrowsTyped()
    {
        await using var host = Host();
        host.Stub.RespondJson("[{\"name\":\"Whole\",\"chains\":[]},{\"name\":\"Cut");
        var names = new List<string>();

        var error = await Assert.ThrowsAsync<SourceRequestException>(async () =>
        {
            await foreach (var protocol in host.Get<DefiLlamaClient>().StreamProtocolsAsync(Ct))
            {
                names.Add(protocol.Name);
            }
        });

        Assert.Equal(["Whole"], names);
        Assert.Equal((SourceFailureKind.InvalidResponse, "defillama", "protocols.stream"), (error.Kind, error.Provider, error.Operation));
    }

    [Fact]
    public async Task StreamProtocolsAsync_ConsumerStopsEarly_EndsCleanly()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/protocols.json");

        await foreach (var protocol in host.Get<DefiLlamaClient>().StreamProtocolsAsync(Ct))
        {
            Assert.Equal("Example Lend", protocol.Name);
            break;
        }

        Assert.Equal(1, host.Stub.Count);
    }

    [Fact]
    public async Task StreamProtocolsAsync_CallerCancels_OperationCanceledIsNotWrapped()
    {
        await using var host = Host();
        host.Stub.Hang();
        using var cts = new CancellationTokenSource();

        var enumeration = Task.Run(async () =>
        {
            await foreach (var _ in host.Get<DefiLlamaClient>().StreamProtocolsAsync(cts.Token))
            {
            }
        }, Ct);
        await host.Stub.WaitForCountAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => enumeration);
    }

    [Fact]
    public async Task StreamProtocolsAsync_HttpError_IsTyped()
    {
        await using var host = Host();
        host.Stub.Respond(System.Net.HttpStatusCode.TooManyRequests, "{\"message\":\"slow down\"}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(async () =>
        {
            await foreach (var _ in host.Get<DefiLlamaClient>().StreamProtocolsAsync(Ct))
            {
            }
        });

        Assert.Equal((SourceFailureKind.RateLimited, System.Net.HttpStatusCode.TooManyRequests), (error.Kind, error.StatusCode));
    }

    [Fact]
    public async Task GetProtocolAsync_Detail_ReadsDateStringsAndSkipsNullSamples()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/protocol.json");

        var detail = await host.Get<DefiLlamaClient>().GetProtocolAsync("Example Lend", Ct);

        Assert.Equal("https://api.llama.fi/protocol/Example%20Lend", host.Stub.Requests.Single().Uri.AbsoluteUri);
        Assert.Equal(("111", "Example Lend", "example-lend"), (detail.Id, detail.Name, detail.GeckoId));
        Assert.Equal(
            [new DefiLlamaPoint(DateTimeOffset.FromUnixTimeSeconds(1762646400), 12_000_000_000m), new DefiLlamaPoint(DateTimeOffset.FromUnixTimeSeconds(1762732800), 12_500_000_000m)],
            detail.Tvl);
        Assert.Equal(2, detail.CurrentChainTvls.Count); // the null 'borrowed' is dropped
        Assert.Equal(10_000_000_000m, Assert.Single(detail.ChainTvls["Ethereum"]).Value);
        Assert.Empty(detail.ChainTvls["Arbitrum"]);
    }

    [Fact]
    public async Task GetTvlAsync_BareNumber_ParsesAndNonNumberIsInvalid()
    {
        await using var host = Host();
        host.Stub.RespondJson("4.962012809795062E9").RespondJson("{\"message\":\"Protocol not found\"}");
        var client = host.Get<DefiLlamaClient>();

        Assert.Equal(4_962_012_809.795062m, await client.GetTvlAsync("aave", Ct));
        var error = await Assert.ThrowsAsync<SourceRequestException>(() => client.GetTvlAsync("nope", Ct));

        Assert.Equal("https://api.llama.fi/tvl/aave", host.Stub.Requests.First().Uri.AbsoluteUri);
        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task GetChainsAndHistoricalTvl_Parse()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/chains.json").RespondFile("defillama/historical_chain_tvl.json").RespondFile("defillama/historical_chain_tvl.json");
        var client = host.Get<DefiLlamaClient>();

        var chains = await client.GetChainsAsync(Ct);
        var all = await client.GetHistoricalChainTvlAsync(cancellationToken: Ct);
        var one = await client.GetHistoricalChainTvlAsync(Chain.Ethereum.Name, Ct);

        Assert.Equal(
            ["https://api.llama.fi/v2/chains", "https://api.llama.fi/v2/historicalChainTvl", "https://api.llama.fi/v2/historicalChainTvl/ethereum"],
            host.Stub.Requests.Select(r => r.Uri.AbsoluteUri));
        Assert.Equal(("Ethereum", 65998652431.40251m, "1027", "1"), (chains[0].Name, chains[0].Tvl, chains[0].CmcId, chains[0].ChainId));
        Assert.Equal(Chain.Ethereum, chains[0].ToChain());
        Assert.Equal(1234.5m, chains[1].Tvl);
        Assert.Null(chains[1].ChainId);
        Assert.Equal(new DefiLlamaPoint(DateTimeOffset.FromUnixTimeSeconds(1762732800), 99_000_000_000m), all[1]); // date as a string
        Assert.Equal(all, one);
    }

    [Fact]
    public async Task GetStablecoinsAsync_OnStablecoinsHost_ParsesCirculationAndPeg()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/stablecoins.json");

        var coins = await host.Get<DefiLlamaClient>().GetStablecoinsAsync(Ct);

        Assert.Equal("https://stablecoins.llama.fi/stablecoins?includePrices=true", host.Stub.Requests.Single().Uri.AbsoluteUri);
        var usdt = coins[0];
        Assert.Equal(("1", "USDT", "peggedUSD", "fiat-backed"), (usdt.Id, usdt.Symbol, usdt.PegType, usdt.PegMechanism));
        Assert.Equal(183_000_000_000.25m, usdt.CirculatingInPeg);
        Assert.Equal(182_500_000_000m, usdt.CirculatingPrevDay["peggedUSD"]);
        Assert.Equal(80_000_000_000m, usdt.ChainCirculating["Tron"]["peggedUSD"]);
        Assert.Equal(1.0003m, usdt.Price);
        var eur = coins[1];
        Assert.Equal(("2", 12_000_000m), (eur.Id, eur.CirculatingInPeg));
        Assert.Null(eur.Price);
        Assert.Empty(eur.CirculatingPrevDay);
    }

    [Fact]
    public async Task GetYieldPoolsAsync_OnYieldsHost_ParsesApyAndTvl()
    {
        await using var host = Host();
        host.Stub.RespondFile("defillama/pools.json");

        var pools = await host.Get<DefiLlamaClient>().GetYieldPoolsAsync(Ct);

        Assert.Equal("https://yields.llama.fi/pools", host.Stub.Requests.Single().Uri.AbsoluteUri);
        Assert.Equal(2, pools.Count);
        Assert.Equal((1_500_000_000m, 4.1m, (decimal?)null, true), (pools[0].TvlUsd, pools[0].Apy, pools[0].ApyReward, pools[0].Stablecoin));
        Assert.Equal(("Stable/Up", 71m, 2), (pools[0].Prediction!.PredictedClass, pools[0].Prediction!.PredictedProbability, pools[0].Prediction!.BinnedConfidence));
        Assert.Null(pools[0].RewardTokens);
        Assert.Equal((25_000_000m, 32.5m, "0.05%"), (pools[1].TvlUsd, pools[1].ApyReward, pools[1].PoolMeta));
        Assert.Null(pools[1].Prediction);
    }

    [Fact]
    public async Task GetYieldPoolsAsync_StatusNotSuccess_IsProviderError()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"status\":\"error\",\"data\":null}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<DefiLlamaClient>().GetYieldPoolsAsync(Ct));

        Assert.Equal((SourceFailureKind.ProviderError, "error"), (error.Kind, error.ErrorCode));
    }

    [Fact]
    public async Task GetCurrentPricesAsync_Keys_KeepColonsEscapeTheRestAndSkipNullPrices()
    {
        await using var host = Host(o => o.CoinsAddress = new Uri("http://127.0.0.1:9/llama-coins"));
        host.Stub.RespondFile("defillama/prices.json");

        var prices = await host.Get<DefiLlamaClient>().GetCurrentPricesAsync(["ethereum:0x00000000000000000000000000000000000000E1", "coingecko:bitcoin", "coingecko:a/b"], Ct);

        Assert.Equal("http://127.0.0.1:9/llama-coins/prices/current/coingecko:a%2Fb,coingecko:bitcoin,ethereum:0x00000000000000000000000000000000000000E1", host.Stub.Requests.Single().Uri.OriginalString);
        Assert.Equal(2, prices.Count);
        var btc = prices.Single(p => p.Key == "coingecko:bitcoin");
        Assert.Equal(new PricePoint(AssetId.Bitcoin, "defillama", DateTimeOffset.FromUnixTimeSeconds(1762775940), 91234.5m, FiatCurrency.Usd), btc.ToPricePoint());
        var meme = prices.Single(p => p.Key.StartsWith("ethereum:", StringComparison.Ordinal));
        Assert.Equal((0.00000012m, 18, 0.6d), (meme.Price, meme.Decimals, meme.Confidence));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1762775900), meme.Timestamp);
        Assert.Null(meme.ToPricePoint());
        Assert.Equal("example-meme", meme.ToPricePoint("example-meme")!.Asset.Value);
    }

    [Fact]
    public async Task GetCurrentPricesByAssetAsync_Assets_UseCoinGeckoKeys()
    {
        await using var host = Host();
        host.Stub.RespondJson("{\"coins\":{}}");

        var prices = await host.Get<DefiLlamaClient>().GetCurrentPricesByAssetAsync([AssetId.Ethereum, AssetId.Bitcoin], Ct);

        Assert.Empty(prices);
        Assert.Equal("https://coins.llama.fi/prices/current/coingecko:bitcoin,coingecko:ethereum", host.Stub.Requests.Single().Uri.OriginalString);
    }

    [Fact]
    public async Task ProPlan_KeyGoesInPathOnTheWireButNeverInRecordingsOrLogs()
    {
        var record = Directory.CreateTempSubdirectory("ci-llama-rec-").FullName;
        try
        {
            await using var host = Host(o =>
            {
                o.Plan = SourcePlan.Paid;
                o.ApiKey = ProKey;
            }, s => s.RecordDirectory = record);
            host.Stub.RespondFile("defillama/chains.json").RespondFile("defillama/pools.json");
            var client = host.Get<DefiLlamaClient>();

            await client.GetChainsAsync(Ct);
            await client.GetYieldPoolsAsync(Ct);

            Assert.Equal(
                [$"https://pro-api.llama.fi/{ProKey}/api/v2/chains", $"https://pro-api.llama.fi/{ProKey}/yields/pools"],
                host.Stub.Requests.Select(r => r.Uri.AbsoluteUri));
            var recorded = string.Join("\n", Directory.EnumerateFiles(record, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
            Assert.Contains("/api/v2/chains", recorded, StringComparison.Ordinal);
            Assert.DoesNotContain(ProKey, recorded, StringComparison.Ordinal);
            Assert.DoesNotContain(ProKey, host.AllLogText(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(record, recursive: true);
        }
    }

    [Fact]
    public async Task ProPlan_Retry_SendsTheKeyOnceAndTheMessageStaysKeyless()
    {
        await using var host = Host(o =>
        {
            o.Plan = SourcePlan.Paid;
            o.ApiKey = ProKey;
            o.MaxRetryAttempts = 1;
            o.RetryDelay = TimeSpan.Zero;
        });
        host.Stub.Respond(System.Net.HttpStatusCode.ServiceUnavailable, "busy", "text/plain").RespondJson("4.5");

        var tvl = await host.RunAsync(host.Get<DefiLlamaClient>().GetTvlAsync("aave", Ct), TimeSpan.FromSeconds(1));

        Assert.Equal(4.5m, tvl);
        Assert.Equal(
            [$"https://pro-api.llama.fi/{ProKey}/api/tvl/aave", $"https://pro-api.llama.fi/{ProKey}/api/tvl/aave"],
            host.Stub.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task ProPlan_ErrorWithKeyInBody_IsRedacted()
    {
        await using var host = Host(o =>
        {
            o.Plan = SourcePlan.Paid;
            o.ApiKey = ProKey;
        });
        host.Stub.Respond(System.Net.HttpStatusCode.Forbidden, "{\"message\":\"key " + ProKey + " has no access\"}");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<DefiLlamaClient>().GetTvlAsync("aave", Ct));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.DoesNotContain(ProKey, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ProKey, host.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_PaidWithoutKeyOrRelativeHost_FailsAtStart()
    {
        await using var paid = Host(o => o.Plan = SourcePlan.Paid);
        await using var relative = Host(o => o.YieldsAddress = new Uri("/yields", UriKind.Relative));

        // Start-up validation reports each failing options read (the client's and its resilience pipeline's) together.
        var noKey = Assert.ThrowsAny<Exception>(paid.ValidateOnStart);
        var badHost = Assert.ThrowsAny<Exception>(relative.ValidateOnStart);

        Assert.Contains("The paid plan (DeFi Llama Pro) needs an ApiKey.", Validation(noKey).Message, StringComparison.Ordinal);
        Assert.Contains("YieldsAddress must be an absolute http or https address.", Validation(badHost).Message, StringComparison.Ordinal);
    }

    private static OptionsValidationException Validation(Exception error) => error switch
    {
        OptionsValidationException validation => validation,
        AggregateException aggregate => aggregate.InnerExceptions.OfType<OptionsValidationException>().First(),
        _ => throw new Xunit.Sdk.XunitException("Not a validation failure: " + error),
    };
}
