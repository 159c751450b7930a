using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Worker;

/// <summary>Runs a collection cycle at start and then every <see cref="WorkerOptions.Interval"/>, on the injected clock.</summary>
internal sealed partial class CollectionService(
    CollectionCycle cycle,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<CollectionService> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var plans = cycle.CheckBudgets();
        if (options.Value.FailWhenBudgetDoesNotFit && plans.Any(p => !p.Fits))
        {
            throw new InvalidOperationException("A source's budget cannot hold the cadence: " + string.Join(" ", plans.Where(p => !p.Fits).Select(p => p.Describe())));
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            var summary = await cycle.RunAsync(stoppingToken).ConfigureAwait(false);
            LogCycle(logger, summary.Sources.Count(s => s.Succeeded), summary.Sources.Count);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(5010, LogLevel.Information, "Cycle done: {Succeeded} of {Total} sources succeeded", EventName = "CycleDone")]
    private static partial void LogCycle(ILogger logger, int succeeded, int total);
}
