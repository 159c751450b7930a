using CryptoIntel.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Demo.Tests;

/// <summary>Every source registered as a host would, answered by the simulator, on a fake clock.</summary>
internal sealed class DemoServices : IDisposable
{
    public DemoServices(Action<DemoMarketOptions>? configure = null, Dictionary<string, string?>? settings = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        var builder = services.AddCryptoIntel();
        builder.AddSources(configuration.GetSection("CryptoIntel:Sources"));
        builder.AddDemoMarket(o =>
        {
            o.Assets = 60;
            o.HistorySteps = 600;
            configure?.Invoke(o);
        });
        Provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Provider { get; }

    public MarketSimulator Market => Provider.GetRequiredService<MarketSimulator>();

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    /// <summary>Moves the clock by <paramref name="steps"/> step intervals.</summary>
    public void Step(int steps = 1) => Time.Advance(Market.Options.StepInterval * steps);

    public void Dispose() => Provider.Dispose();
}
