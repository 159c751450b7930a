using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// What one provider's recent calls say about its health. The health check reads this rather than calling the
/// provider, so that probes never spend quota.
/// </summary>
internal sealed class SourceHealth(string provider)
{
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _lastSuccess;
    private SourceRequestException? _lastFailure;
    private bool _lastWasStale;

    public string Provider { get; } = provider;

    public void Succeeded(DateTimeOffset at)
    {
        lock (_lock)
        {
            _consecutiveFailures = 0;
            _lastSuccess = at;
            _lastWasStale = false;
        }
    }

    public void Failed(SourceRequestException failure, bool servedStale)
    {
        lock (_lock)
        {
            _consecutiveFailures++;
            _lastFailure = failure;
            _lastWasStale = servedStale;
        }
    }

    public HealthCheckResult Evaluate(SourceBudget? budget)
    {
        lock (_lock)
        {
            var data = new Dictionary<string, object>
            {
                ["consecutiveFailures"] = _consecutiveFailures,
            };
            if (_lastSuccess is { } success)
            {
                data["lastSuccess"] = success;
            }

            if (budget?.Remaining(BudgetWindow.Month) is { } month)
            {
                data["monthlyQuotaRemaining"] = month;
            }

            if (_consecutiveFailures == 0)
            {
                return budget?.Remaining(BudgetWindow.Month) is 0
                    ? HealthCheckResult.Degraded($"{Provider}: the monthly quota is spent", data: data)
                    : HealthCheckResult.Healthy($"{Provider}: last call succeeded", data);
            }

            var failure = _lastFailure!;
            data["lastFailureKind"] = failure.Kind.ToString();
            var authFailure = failure.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden;
            var message = $"{Provider}: {_consecutiveFailures} failed call(s) in a row, last {failure.Kind}" + (_lastWasStale ? ", serving stale data" : string.Empty);
            return authFailure || _consecutiveFailures >= 3
                ? HealthCheckResult.Unhealthy(message, data: data)
                : HealthCheckResult.Degraded(message, data: data);
        }
    }
}

/// <summary>The health check of one provider (registered as <c>cryptointel-source-&lt;provider&gt;</c>).</summary>
internal sealed class SourceHealthCheck(SourceHealth health, Func<SourceBudget?> budget) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.Evaluate(budget()));
}
