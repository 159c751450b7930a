using CryptoIntel.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CryptoIntel.Web.Hosting;

/// <summary>Ready when the store answers a small query (the database is reachable and migrated).</summary>
internal sealed class StoreHealthCheck(ICryptoIntelStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await store.GetCyclesAsync(1, cancellationToken: timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("The store answers.");
        }
#pragma warning disable CA1031 // A health check reports every failure as unhealthy.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("The store does not answer: " + ex.GetType().Name, ex);
        }
    }
}
