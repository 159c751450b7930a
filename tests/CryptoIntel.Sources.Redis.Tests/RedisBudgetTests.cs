using System.Threading.RateLimiting;
using CryptoIntel.Sources.Redis.Internal;
using CryptoIntel.Sources.Redis.Tests.TestUtilities;
using CryptoIntel.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Sources.Redis.Tests;

public sealed class RedisBudgetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void UseRedisBudget_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>("builder", () => RedisCryptoIntelBuilderExtensions.UseRedisBudget(null!, _ => { }));
        Assert.Throws<ArgumentNullException>("configure", () => builder.UseRedisBudget((Action<RedisBudgetOptions>)null!));
        Assert.Throws<ArgumentNullException>("builder", () => RedisCryptoIntelBuilderExtensions.UseRedisBudget(null!, new ConfigurationBuilder().Build().GetSection("x")));
        Assert.Throws<ArgumentNullException>("section", () => builder.UseRedisBudget((IConfigurationSection)null!));
    }

    [Fact]
    public async Task UseRedisBudget_NoConnection_FailsValidationAtStart()
    {
        await using var host = RedisTestHost.Create(new Upstream(), b => b.UseRedisBudget(_ => { }));

        var error = Assert.Throws<OptionsValidationException>(host.ValidateOnStart);
        Assert.Contains("UseRedisBudget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseRedisBudget_ConfigurationSection_BindsAndReplacesInProcessFactory()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Budget:Configuration"] = "127.0.0.1:1",
            ["Budget:KeyPrefix"] = "shared-key-7",
        }).Build().GetSection("Budget");

        // Registered after the source, so the in-process default is already there: Redis must still win.
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddCoinGecko();
        services.AddCryptoIntel().UseRedisBudget(section);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<RedisBudgetOptions>>().Value;
        Assert.Equal("127.0.0.1:1", options.Configuration);
        Assert.Equal("shared-key-7", options.KeyPrefix);
        Assert.IsType<RedisRateLimiterFactory>(provider.GetRequiredService<SourceRateLimiterFactory>());
        Assert.Single(services, d => d.ServiceType == typeof(SourceRateLimiterFactory));
    }

    [Fact]
    public async Task PerMinute_TwoProcessesSharingOneKey_NeverExceedTheLimitTogether()
    {
        var redis = TestServices.RequireRedis();
        var prefix = RedisTestHost.UniquePrefix();
        var upstream = new Upstream();
        await using var first = Host(upstream, redis, prefix, requestsPerMinute: 5);
        await using var second = Host(upstream, redis, prefix, requestsPerMinute: 5);

        var refusals = new List<SourceRequestException>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var host in new[] { first, second })
            {
                try
                {
                    await host.CoinGecko.GetGlobalAsync(Ct);
                }
                catch (SourceRequestException refused)
                {
                    refusals.Add(refused);
                }
            }
        }

        Assert.Equal(5, upstream.Calls);
        Assert.Equal(7, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(SourceFailureKind.QuotaExceeded, r.Kind);
            Assert.InRange(r.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(61));
        });
    }

    [Fact]
    public async Task PerMinute_Refused_CarriesRetryAfterUntilTheOldestLeavesTheWindow()
    {
        var redis = TestServices.RequireRedis();
        using var factory = Factory(redis, RedisTestHost.UniquePrefix(), new FakeTimeProvider(RedisTestHost.Start));
        using var limiter = factory.CreatePerMinuteLimiter("coingecko", 2);

        using var a = await limiter.AcquireAsync(1, Ct);
        using var b = limiter.AttemptAcquire(1);
        using var refused = limiter.AttemptAcquire(1);
        using var probe = limiter.AttemptAcquire(0);

        Assert.True(a.IsAcquired);
        Assert.True(b.IsAcquired);
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.InRange(wait, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        Assert.False(probe.IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task Monthly_TwoProcessesSharingOneKey_ShareTheQuotaAndRefuseUntilNextMonth()
    {
        var redis = TestServices.RequireRedis();
        var prefix = RedisTestHost.UniquePrefix();
        var upstream = new Upstream();
        var lateInMonth = new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero);
        await using var first = Host(upstream, redis, prefix, monthlyQuota: 3, start: lateInMonth);
        await using var second = Host(upstream, redis, prefix, monthlyQuota: 3, start: lateInMonth);

        await first.CoinGecko.GetGlobalAsync(Ct);
        await second.CoinGecko.GetGlobalAsync(Ct);
        await first.CoinGecko.GetGlobalAsync(Ct);
        var refused = await Assert.ThrowsAsync<SourceRequestException>(() => second.CoinGecko.GetGlobalAsync(Ct));
        var refusedAgain = await Assert.ThrowsAsync<SourceRequestException>(() => first.CoinGecko.GetGlobalAsync(Ct));

        Assert.Equal(3, upstream.Calls);
        Assert.Equal(SourceFailureKind.QuotaExceeded, refused.Kind);
        Assert.Equal(TimeSpan.FromHours(1), refused.RetryAfter);
        Assert.Equal(SourceFailureKind.QuotaExceeded, refusedAgain.Kind);
        var db = await RedisTestHost.ConnectAsync(redis);
        Assert.Equal(3, (long)await db.StringGetAsync($"{prefix}:coingecko:quota:2026-11")); // refusals are not counted
        Assert.InRange((await db.KeyTimeToLiveAsync($"{prefix}:coingecko:quota:2026-11"))!.Value, TimeSpan.FromHours(1), TimeSpan.FromDays(3));

        first.Time.Advance(TimeSpan.FromHours(1)); // December: a fresh quota for both
        second.Time.Advance(TimeSpan.FromHours(1));
        await second.CoinGecko.GetGlobalAsync(Ct);

        Assert.Equal(4, upstream.Calls);
        Assert.Equal(1, (long)await db.StringGetAsync($"{prefix}:coingecko:quota:2026-12"));
    }

    [Fact]
    public async Task Monthly_RequestThatWouldExceed_IsRefusedAndNotCounted()
    {
        var redis = TestServices.RequireRedis();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 2, 10, 0, 0, 0, TimeSpan.Zero));
        using var factory = Factory(redis, RedisTestHost.UniquePrefix(), time);
        using var limiter = factory.CreateMonthlyLimiter("coinmarketcap", 10);

        using var seven = limiter.AttemptAcquire(7);
        using var four = await limiter.AcquireAsync(4, Ct);
        using var three = limiter.AttemptAcquire(3);
        using var one = limiter.AttemptAcquire(1);

        Assert.True(seven.IsAcquired);
        Assert.False(four.IsAcquired);
        Assert.True(four.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromDays(19), wait); // to 1 March 00:00 UTC
        Assert.True(three.IsAcquired);
        Assert.False(one.IsAcquired);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentAvailablePermits);
        Assert.Equal(2, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(2, limiter.GetStatistics()!.TotalFailedLeases);
    }

    [Fact]
    public async Task RedisDown_Budget_FailsClosedWithAClearError()
    {
        var upstream = new Upstream();
        await using var host = RedisTestHost.Create(
            upstream,
            b => b.UseRedisBudget(o => o.Configuration = "127.0.0.1:1,connectTimeout=500,connectRetry=0"),
            o => { o.RequestsPerMinute = 30; o.MonthlyQuota = 10_000; o.CacheDurations["global"] = TimeSpan.Zero; });

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.CoinGecko.GetGlobalAsync(Ct));

        Assert.Equal(0, upstream.Calls); // nothing was sent
        Assert.Equal(SourceFailureKind.Unreachable, error.Kind);
        Assert.Equal("coingecko", error.Provider);
        Assert.Equal("budget", error.Operation);
        Assert.Contains("shared budget in Redis could not be checked", error.Message, StringComparison.Ordinal);
        Assert.Contains("fails closed", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<StackExchange.Redis.RedisException>(error.InnerException);
    }

    [Fact]
    public async Task RedisDown_MonthlyLimiter_ThrowsAndStatisticsAreUnknown()
    {
        using var factory = Factory("127.0.0.1:1,connectTimeout=500,connectRetry=0", "p", TimeProvider.System);
        using var limiter = factory.CreateMonthlyLimiter("coingecko", 10);

        var error = Assert.Throws<SourceRequestException>(() => limiter.AttemptAcquire(1));
        await Assert.ThrowsAsync<SourceRequestException>(async () => await limiter.AcquireAsync(1, Ct));

        Assert.Equal(SourceFailureKind.Unreachable, error.Kind);
        Assert.Null(limiter.GetStatistics());
    }

    private static RedisTestHost Host(Upstream upstream, string redis, string prefix, int requestsPerMinute = 0, int monthlyQuota = 0, DateTimeOffset? start = null) =>
        RedisTestHost.Create(
            upstream,
            b => b.UseRedisBudget(o =>
            {
                o.Configuration = redis;
                o.KeyPrefix = prefix;
            }),
            o =>
            {
                o.RequestsPerMinute = requestsPerMinute;
                o.MonthlyQuota = monthlyQuota;
                o.WaitForRateLimit = false;
                o.StaleDuration = TimeSpan.Zero;
                o.CacheDurations["global"] = TimeSpan.Zero; // every call is a request
            },
            start);

    private static RedisRateLimiterFactory Factory(string redis, string prefix, TimeProvider time) =>
        new(Options.Create(new RedisBudgetOptions { Configuration = redis, KeyPrefix = prefix }), time);
}
