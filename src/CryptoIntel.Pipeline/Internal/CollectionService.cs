using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Pipeline.Internal;

/// <summary>Runs the collection cycle on its cron schedule (and once at start), on the injected clock.</summary>
internal sealed partial class CollectionService(
    CollectionCycle cycle,
    IOptions<CollectionPipelineOptions> options,
    TimeProvider time,
    ILogger<CollectionService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        var plans = cycle.CheckBudgets();
        if (options.Value.FailWhenBudgetDoesNotFit && plans.Any(p => !p.Fits))
        {
            throw new InvalidOperationException("A source's budget cannot hold the schedule: " + string.Join(" ", plans.Where(p => !p.Fits).Select(p => p.Describe())));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = CronSchedule.Parse(options.Value.Schedule);
        if (options.Value.RunAtStart)
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested && schedule.Next(time.GetUtcNow()) is { } next)
        {
            var delay = next - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
            }

            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cycle.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCycleFailed(logger, e);
        }
    }

    [LoggerMessage(5010, LogLevel.Error, "Collection cycle failed", EventName = "CycleFailed")]
    private static partial void LogCycleFailed(ILogger logger, Exception exception);
}
