using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CryptoIntel.Sources.Tests.Internal;

public class WarmupTests
{
    [Fact]
    public void WithWarmup_ArgumentChecking()
    {
        var builder = new ServiceCollection().AddCryptoIntel().AddCoinGecko();
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderExtensions.WithWarmup<CoinGeckoClient>(null!, (c, ct) => Task.CompletedTask, TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentNullException>(() => builder.WithWarmup<CoinGeckoClient>(null!, TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithWarmup<CoinGeckoClient>((c, ct) => Task.CompletedTask, TimeSpan.Zero));
    }

    [Fact(Timeout = 20000)]
    public async Task WithWarmup_Started_FillsCacheAtStartAndRefreshesOnSchedule()
    {
        await using var host = SourceTestHost.Create(b => b.AddCoinGecko(o => o.CacheDurations["global"] = TimeSpan.FromMinutes(5))
            .WithWarmup<CoinGeckoClient>((c, ct) => c.GetGlobalAsync(ct), TimeSpan.FromMinutes(5)));
        host.Stub.RespondFile("coingecko/global.json");
        var service = host.Services.GetServices<IHostedService>().OfType<CryptoIntel.Sources.Internal.SourceWarmupService>().Single();

        await service.StartAsync(TestContext.Current.CancellationToken);
        await host.Stub.WaitForCountAsync(1);
        await host.Get<CoinGeckoClient>().GetGlobalAsync(TestContext.Current.CancellationToken); // served warm
        Assert.Equal(1, host.Stub.Count);

        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.Stub.WaitForCountAsync(2);
        await service.StopAsync(TestContext.Current.CancellationToken);
    }
}
