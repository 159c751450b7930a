using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Storage.Internal;

/// <summary>Applies the migrations when the host starts (a broken database fails the start) and compacts on a timer.</summary>
internal sealed class StorageHostedService(
    IStorageMaintenance maintenance,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StorageHostedService> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await maintenance.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        // Created here, not in ExecuteAsync (which runs later on the thread pool), so the schedule starts at start.
        var interval = options.Value.CompactionInterval;
        _timer = interval > TimeSpan.Zero ? new PeriodicTimer(interval, time) : null;
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await maintenance.CompactAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.CompactionFailed(logger, e);
            }
        }
    }
}
