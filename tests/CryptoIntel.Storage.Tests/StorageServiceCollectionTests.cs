using CryptoIntel.Storage.Internal;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Storage.Tests;

public sealed class StorageServiceCollectionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cryptointel-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    [Fact]
    public void AddStorage_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CryptoIntelBuilderStorageExtensions.AddStorage(null!));
        var builder = new ServiceCollection().AddCryptoIntel();
        Assert.Throws<ArgumentNullException>(() => builder.AddStorage((Action<StorageOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddStorage((IConfigurationSection)null!));
        Assert.Throws<ArgumentException>(() => builder.AddStorage().UseSqlite(" "));
        Assert.Throws<ArgumentException>(() => builder.AddStorage().UsePostgreSql(" "));
        Assert.Throws<ArgumentException>(() => builder.AddStorage().UsePostgreSql("Nonsense Key=1"));
    }

    [Fact]
    public async Task AddStorage_FromConfiguration_MigratesAtHostStart_AndServesTheStore()
    {
        var path = Path.Combine(_dir, "from-config.db");
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["CryptoIntel:Storage:SqlitePath"] = path, ["CryptoIntel:Storage:CompactionInterval"] = "00:00:00" }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCryptoIntel().AddStorage(config.GetSection(CryptoIntelBuilderStorageExtensions.StorageSectionName));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        Assert.True(File.Exists(path));
        var store = host.Services.GetRequiredService<ICryptoIntelStore>();
        Assert.Same(store, host.Services.GetRequiredService<IStorageMaintenance>());
        Assert.Empty((await store.GetCoinsAsync(new CoinQuery(), TestContext.Current.CancellationToken)).Items);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ServiceProvider_DisposedSynchronously_AfterUse_DoesNotThrow()
    {
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddStorage().UseSqlite(Path.Combine(_dir, "sync.db"));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageMaintenance>().MigrateAsync(TestContext.Current.CancellationToken);
        provider.Dispose();
    }

    [Fact]
    public void AddStorage_InvalidOptions_FailAtStart()
    {
        var services = new ServiceCollection();
        services.AddCryptoIntel().AddStorage(o => o.RawRetention = TimeSpan.FromMinutes(1)).UseSqlite(Path.Combine(_dir, "x.db"));
        using var provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("RawRetention", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompactionService_RunsOnTheInjectedClock()
    {
        var time = new FakeTimeProvider(TestData.T0);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging();
        services.AddCryptoIntel().AddStorage(o => o.CompactionInterval = TimeSpan.FromHours(1)).UseSqlite(Path.Combine(_dir, "compact.db"));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<SqlStore>();
        await store.WriteAsync(TestData.Cycle(TestData.T0, assets: 3), TestContext.Current.CancellationToken);
        var service = provider.GetServices<IHostedService>().Single();
        await service.StartAsync(TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromDays(31));
        for (var i = 0; i < 200 && await store.CountRowsAsync("snapshots", TestContext.Current.CancellationToken) > 0; i++)
        {
            await Task.Yield();
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, await store.CountRowsAsync("snapshots", TestContext.Current.CancellationToken));
        Assert.Equal(4, await store.CountRowsAsync("hourly_bars", TestContext.Current.CancellationToken));
        await service.StopAsync(TestContext.Current.CancellationToken);
    }
}
