using CryptoIntel.Sources.Redis.Tests.TestUtilities;
using CryptoIntel.Testing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Redis.Tests;

public sealed class RedisCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void UseRedisCache_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>("builder", () => RedisCryptoIntelBuilderExtensions.UseRedisCache(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => builder.UseRedisCache((Action<RedisSourceCacheOptions>)null!));
        Assert.Throws<ArgumentNullException>("builder", () => RedisCryptoIntelBuilderExtensions.UseRedisCache(null!, new ConfigurationBuilder().Build().GetSection("x")));
        Assert.Throws<ArgumentNullException>("section", () => builder.UseRedisCache((IConfigurationSection)null!));
    }

    [Fact]
    public async Task UseRedisCache_NoConnection_FailsValidationAtStart()
    {
        await using var host = RedisTestHost.Create(new Upstream(), b => b.UseRedisCache(_ => { }));

        var error = Assert.Throws<OptionsValidationException>(host.ValidateOnStart);
        Assert.Contains("UseRedisCache", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRedisCache_ConfigurationSection_RegistersRedisAsTheDistributedCache()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cache:Configuration"] = "127.0.0.1:1",
            ["Cache:InstanceName"] = "app-7:",
        }).Build().GetSection("Cache");
        var services = new ServiceCollection();
        services.AddCryptoIntel().UseRedisCache(section);
        await using var provider = services.BuildServiceProvider();

        var redis = provider.GetRequiredService<IOptions<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions>>().Value;
        Assert.Equal("127.0.0.1:1", Assert.Single(redis.ConfigurationOptions!.EndPoints).ToString());
        Assert.False(redis.ConfigurationOptions.AbortOnConnectFail);
        Assert.Same(StackExchange.Redis.BacklogPolicy.FailFast, redis.ConfigurationOptions.BacklogPolicy);
        Assert.Equal("app-7:", redis.InstanceName);
        Assert.StartsWith("RedisCache", provider.GetRequiredService<IDistributedCache>().GetType().Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task L2_TwoProcessesSharingRedis_SecondIsServedWithoutAnUpstreamCall()
    {
        var redis = TestServices.RequireRedis();
        var instance = RedisTestHost.UniquePrefix() + ":";
        var firstUpstream = new Upstream();
        var secondUpstream = new Upstream { Body = "this body must never be read" };
        await using var first = Host(firstUpstream, redis, instance);
        await using var second = Host(secondUpstream, redis, instance);

        var original = await first.CoinGecko.GetGlobalAsync(Ct);
        var server = await RedisTestHost.ServerAsync(redis);
        for (var i = 0; i < 100 && !server.Keys(pattern: instance + "*").Any(); i++)
        {
            await Task.Delay(10, Ct); // the L2 write may finish just after the caller has its value
        }

        var shared = await second.CoinGecko.GetGlobalAsync(Ct);

        Assert.Equal(1, firstUpstream.Calls);
        Assert.Equal(0, secondUpstream.Calls);
        Assert.NotSame(original, shared);
        Assert.Equal(original.ActiveCryptocurrencies, shared.ActiveCryptocurrencies);
        Assert.Equal(original.Markets, shared.Markets);
        Assert.Equal(original.TotalMarketCap, shared.TotalMarketCap);
        Assert.Equal(original.TotalVolume, shared.TotalVolume);
        Assert.Equal(original.MarketCapPercentage, shared.MarketCapPercentage);
        Assert.Equal(original.MarketCapChangePercentage24hUsd, shared.MarketCapChangePercentage24hUsd);
        Assert.Equal(original.UpdatedAt, shared.UpdatedAt);
        Assert.Equal(3.29e12m, shared.TotalMarketCap["usd"]);
    }

    [Fact]
    public async Task L2_RedisDown_CallsStillSucceedWithoutWaiting()
    {
        var upstream = new Upstream();
        await using var host = Host(upstream, "127.0.0.1:1,connectTimeout=500,connectRetry=0", "down:");
        var elapsed = System.Diagnostics.Stopwatch.StartNew();

        var first = await host.CoinGecko.GetGlobalAsync(Ct);
        var second = await host.CoinGecko.GetGlobalAsync(Ct);

        Assert.Equal(17321, first.ActiveCryptocurrencies);
        Assert.Equal(17321, second.ActiveCryptocurrencies);
        Assert.InRange(upstream.Calls, 1, 2);
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(4), $"took {elapsed.Elapsed}: Redis calls should fail fast, not wait in a backlog");
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Category == "Microsoft.Extensions.Caching.Hybrid.HybridCache" && r.Exception is StackExchange.Redis.RedisConnectionException);
    }

    private static RedisTestHost Host(Upstream upstream, string redis, string instance) =>
        RedisTestHost.Create(upstream, b => b.UseRedisCache(o =>
        {
            o.Configuration = redis;
            o.InstanceName = instance;
        }));
}
