using System.Net;
using System.Text;
using CryptoIntel.Sources.CoinGecko;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace CryptoIntel.Sources.Redis.Tests.TestUtilities;

/// <summary>
/// One "process": a service provider with CryptoIntel, CoinGecko on a stubbed network (<see cref="Upstream"/>, which
/// several hosts may share to count the calls that reach the provider), and a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class RedisTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RedisTestHost(ServiceProvider provider, FakeTimeProvider time)
    {
        _provider = provider;
        Time = time;
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public CoinGeckoClient CoinGecko => _provider.GetRequiredService<CoinGeckoClient>();

    public IServiceProvider Services => _provider;

    public FakeLogCollector Logs => _provider.GetRequiredService<FakeLogCollector>();

    public static RedisTestHost Create(Upstream upstream, Action<ICryptoIntelBuilder> configure, Action<CoinGeckoClientOptions>? coinGecko = null, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(l => l.AddFakeLogging());
        var builder = services.AddCryptoIntel();
        configure(builder);
        builder.AddCoinGecko(o =>
        {
            o.MaxRetryAttempts = 0;
            o.RequestsPerMinute = 0;
            o.MonthlyQuota = 0;
            coinGecko?.Invoke(o);
        }).HttpClient.ConfigurePrimaryHttpMessageHandler(() => new UpstreamHandler(upstream));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new RedisTestHost(provider, time);
    }

    /// <summary>Runs the start-up validation that a host runs (ValidateOnStart).</summary>
    public void ValidateOnStart() => _provider.GetRequiredService<IStartupValidator>().Validate();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    /// <summary>A Redis key prefix of its own, so tests never share state.</summary>
    public static string UniquePrefix() => "test-" + Guid.NewGuid().ToString("N");

    public static async Task<IDatabase> ConnectAsync(string endpoint) =>
        (await ConnectionMultiplexer.ConnectAsync(endpoint)).GetDatabase();

    public static async Task<IServer> ServerAsync(string endpoint)
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(endpoint + ",allowAdmin=true");
        return multiplexer.GetServer(multiplexer.GetEndPoints()[0]);
    }

    private sealed class UpstreamHandler(Upstream upstream) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref upstream.Calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(upstream.Body, Encoding.UTF8, "application/json"),
            });
        }
    }
}

/// <summary>The provider's side: counts the requests that reached it and answers a fixed <c>/global</c> body.</summary>
public sealed class Upstream
{
    public const string GlobalBody = """{"data":{"active_cryptocurrencies":17321,"markets":1290,"total_market_cap":{"btc":36123456.1,"usd":3.29e+12},"total_volume":{"usd":112000000000},"market_cap_percentage":{"btc":55.1,"eth":11.4},"market_cap_change_percentage_24h_usd":-1.25,"updated_at":1762775940}}""";

#pragma warning disable CA1051 // a counter updated with Interlocked
    public int Calls;
#pragma warning restore CA1051

    public string Body { get; set; } = GlobalBody;
}
