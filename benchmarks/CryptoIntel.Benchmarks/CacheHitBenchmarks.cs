using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using CryptoIntel.Sources.CoinGecko;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Benchmarks;

/// <summary>
/// <c>CoinGeckoClient.GetGlobalAsync</c> served from HybridCache's in-process tier: the whole client path (span,
/// cache lookup, freshness check on the TimeProvider, telemetry) with no network. Percentile columns are over
/// BenchmarkDotNet's iterations; <see cref="CacheHitLatency"/> gives per-call percentiles.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(PercentileConfig))]
public class CacheHitBenchmarks
{
    private ServiceProvider? _services;
    private CoinGeckoClient? _client;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _client) = CacheHitHost.Create();
        _client.GetGlobalAsync().GetAwaiter().GetResult(); // fill the cache
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark(Description = "GetGlobalAsync, L1 cache hit")]
    public Task<GlobalMarket> CacheHit() => _client!.GetGlobalAsync();

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P95, StatisticColumn.P100);
    }
}

/// <summary>A CoinGecko client whose network is a fixed <c>/global</c> answer and whose cache keeps it for an hour.</summary>
public static class CacheHitHost
{
    public static (ServiceProvider Services, CoinGeckoClient Client) Create()
    {
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddCoinGecko(o => o.CacheDurations["global"] = TimeSpan.FromHours(1))
            .HttpClient.ConfigurePrimaryHttpMessageHandler(() => new GlobalHandler());
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<CoinGeckoClient>());
    }

    private sealed class GlobalHandler : HttpMessageHandler
    {
        private const string Body = """{"data":{"active_cryptocurrencies":17321,"markets":1290,"total_market_cap":{"usd":3.29e+12},"total_volume":{"usd":112000000000},"market_cap_percentage":{"btc":55.1},"market_cap_change_percentage_24h_usd":-1.25,"updated_at":1762775940}}""";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(Body, Encoding.UTF8, "application/json") });
    }
}

/// <summary>Per-call latency of cache hits (p50/p95/p99/p99.9), measured one call at a time after a warm-up.</summary>
public static class CacheHitLatency
{
    public static void Run(int calls = 200_000)
    {
        var (services, client) = CacheHitHost.Create();
        using (services)
        {
            for (var i = 0; i < 20_000; i++)
            {
                client.GetGlobalAsync().GetAwaiter().GetResult();
            }

            var samples = new long[calls];
            for (var i = 0; i < calls; i++)
            {
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                client.GetGlobalAsync().GetAwaiter().GetResult();
                samples[i] = System.Diagnostics.Stopwatch.GetTimestamp() - start;
            }

            Array.Sort(samples);
            double Us(double q) => samples[(int)Math.Min(calls - 1, q * calls)] * 1e6 / System.Diagnostics.Stopwatch.Frequency;
            Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Cache hit latency over {calls:N0} calls (µs): p50 {Us(0.50):0.00}  p95 {Us(0.95):0.00}  p99 {Us(0.99):0.00}  p99.9 {Us(0.999):0.00}  max {Us(1):0.00}"));
        }
    }
}
