using CryptoIntel.Sources.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Sources.Tests.TestUtilities;

/// <summary>
/// A service provider with CryptoIntel and one or more sources whose network is a <see cref="StubHandler"/>, a
/// <see cref="FakeTimeProvider"/> for all time, and a <see cref="FakeLogCollector"/> for all logs.
/// </summary>
public sealed class SourceTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private SourceTestHost(ServiceProvider provider, FakeTimeProvider time, StubHandler stub)
    {
        _provider = provider;
        Time = time;
        Stub = stub;
    }

    public static DateTimeOffset Start { get; } = new(2026, 11, 10, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public StubHandler Stub { get; }

    public IServiceProvider Services => _provider;

    public FakeLogCollector Logs => _provider.GetRequiredService<FakeLogCollector>();

    /// <summary>Builds a host; <paramref name="add"/> registers the source(s) and returns the builder whose network is stubbed.</summary>
    public static SourceTestHost Create(Func<ICryptoIntelBuilder, ISourceBuilder> add, Action<IServiceCollection>? configureServices = null, DateTimeOffset? start = null)
    {
        var time = new FakeTimeProvider(start ?? Start);
        var stub = new StubHandler();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        var source = add(services.AddCryptoIntel());
        source.HttpClient.ConfigurePrimaryHttpMessageHandler(() => stub);
        configureServices?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new SourceTestHost(provider, time, stub);
    }

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Runs the start-up validation that a host runs (ValidateOnStart).</summary>
    public void ValidateOnStart() => _provider.GetRequiredService<IStartupValidator>().Validate();

    public async Task<HealthReport> CheckHealthAsync() =>
        await _provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

    /// <summary>Advances virtual time in small steps until <paramref name="task"/> completes (for retry delays).</summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
            Time.Advance(step);
        }

        return await task;
    }

    internal SourceBudgets Budgets => Get<SourceBudgets>();

    public string AllLogText() => string.Join("\n", Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
