using CryptoIntel.Sources.CoinMarketCap;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.Kraken;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>Registration of the CoinMarketCap, DeFi Llama and Kraken clients: the three overloads and configuration binding.</summary>
public class ProviderRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AddMethods_ArgumentChecking()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderExtensions.AddCoinMarketCap(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCoinMarketCap((Action<CoinMarketCapClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCoinMarketCap((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderExtensions.AddDefiLlama(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddDefiLlama((Action<DefiLlamaClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddDefiLlama((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderExtensions.AddKraken(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddKraken((Action<KrakenClientOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddKraken((IConfigurationSection)null!));
    }

    [Fact]
    public async Task AddDefiLlama_ConfigurationSection_BindsHostsAndSharedKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Sources:DefiLlama:BaseAddress"] = "http://127.0.0.1:5998/tvl",
            ["CryptoIntel:Sources:DefiLlama:CoinsAddress"] = "http://127.0.0.1:5998/coins",
            ["CryptoIntel:Sources:DefiLlama:YieldsAddress"] = "http://127.0.0.1:5998/yields/",
            ["CryptoIntel:Sources:DefiLlama:RequestsPerMinute"] = "60",
            ["CryptoIntel:Sources:DefiLlama:Enabled"] = "false",
        }).Build();
        await using var host = SourceTestHost.Create(b => b.AddDefiLlama(configuration.GetSection("CryptoIntel:Sources:DefiLlama")));
        host.Stub.RespondJson("1").RespondJson("{\"coins\":{}}").RespondJson("{\"status\":\"success\",\"data\":[]}");
        var client = host.Get<DefiLlamaClient>();

        host.ValidateOnStart();
        await client.GetTvlAsync("aave", Ct);
        await client.GetCurrentPricesAsync(["coingecko:bitcoin"], Ct);
        await client.GetYieldPoolsAsync(Ct);

        var options = host.Get<IOptions<DefiLlamaClientOptions>>().Value;
        Assert.Equal((false, 60), (options.Enabled, options.RequestsPerMinute));
        Assert.Equal(
            ["http://127.0.0.1:5998/tvl/tvl/aave", "http://127.0.0.1:5998/coins/prices/current/coingecko:bitcoin", "http://127.0.0.1:5998/yields/pools"],
            host.Stub.Requests.Select(r => r.Uri.OriginalString));
    }

    [Fact]
    public async Task AddDefiLlama_Twice_InsertsTheProKeyOnce()
    {
        await using var host = SourceTestHost.Create(b =>
        {
            b.AddDefiLlama(o => o.MaxRetryAttempts = 0);
            return b.AddDefiLlama(o =>
            {
                o.Plan = SourcePlan.Paid;
                o.ApiKey = "pro-key-twice-0123";
            });
        });
        host.Stub.RespondJson("[]");

        await host.Get<DefiLlamaClient>().GetChainsAsync(Ct);

        Assert.Equal("https://pro-api.llama.fi/pro-key-twice-0123/api/v2/chains", host.Stub.Requests.Single().Uri.AbsoluteUri);
    }

    [Fact]
    public async Task AddCoinMarketCap_ConfigurationSection_BindsKeyAndQuota()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Sources:CoinMarketCap:ApiKey"] = "cmc-from-config",
            ["CryptoIntel:Sources:CoinMarketCap:MonthlyQuota"] = "15000",
        }).Build();
        await using var host = SourceTestHost.Create(b => b.AddCoinMarketCap(configuration.GetSection("CryptoIntel:Sources:CoinMarketCap")));
        host.Stub.RespondJson("{\"status\":{\"error_code\":0},\"data\":[]}");

        host.ValidateOnStart();
        await host.Get<CoinMarketCapClient>().GetMapAsync(cancellationToken: Ct);

        Assert.Equal(15_000, host.Get<IOptions<CoinMarketCapClientOptions>>().Value.MonthlyQuota);
        Assert.Equal("cmc-from-config", host.Stub.Requests.Single().Headers["X-CMC_PRO_API_KEY"]);
    }

    [Fact]
    public async Task AddKraken_ConfigurationSection_BindsBaseAddress()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CryptoIntel:Sources:Kraken:BaseAddress"] = "http://127.0.0.1:5997/0/public",
        }).Build();
        await using var host = SourceTestHost.Create(b => b.AddKraken(configuration.GetSection("CryptoIntel:Sources:Kraken")));
        host.Stub.RespondJson("{\"error\":[],\"result\":{\"status\":\"online\",\"timestamp\":\"2026-11-10T12:00:00Z\"}}");

        host.ValidateOnStart();
        var status = await host.Get<KrakenClient>().GetSystemStatusAsync(Ct);

        Assert.True(status.IsOnline);
        Assert.Equal("http://127.0.0.1:5997/0/public/SystemStatus", host.Stub.Requests.Single().Uri.AbsoluteUri);
    }
}
