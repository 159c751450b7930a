using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Sources.Internal;

/// <summary>One registered pre-warming call: what to call and how often.</summary>
internal sealed record SourceWarmup(string Provider, Func<IServiceProvider, CancellationToken, Task> Call, TimeSpan Every);

/// <summary>
/// Runs the registered pre-warming calls once at start (in the background, not delaying start-up) and then every
/// <see cref="SourceWarmup.Every"/> on the injected clock, so hot keys are in the cache before users ask. A failure
/// is logged and retried at the next tick; the budget applies as to any call.
/// </summary>
internal sealed class SourceWarmupService(
    IEnumerable<SourceWarmup> warmups,
    IServiceProvider services,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("CryptoIntel.Sources.Warmup");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(warmups.Select(w => RunAsync(w, stoppingToken)));

    private async Task RunAsync(SourceWarmup warmup, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(warmup.Every, time);
        do
        {
            try
            {
                await warmup.Call(services, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.WarmupFailed(_logger, warmup.Provider, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
