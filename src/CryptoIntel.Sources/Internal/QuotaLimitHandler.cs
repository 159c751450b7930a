using System.Net;
using System.Net.Http.Headers;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// Spends the provider's budget for every attempt that would reach the network (it sits inside the resilience
/// handler, so each retry pays too). When the budget refuses, nothing is sent: the handler answers a local 429 with
/// <c>Retry-After</c> so the retry strategy waits exactly as long as needed, and marks it so that a monthly refusal
/// (or a per-minute one when waiting is off) is not retried.
/// </summary>
internal sealed class QuotaLimitHandler(SourceBudget budget, SourcesTelemetry telemetry) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credits = request.Options.TryGetValue(SourceHeaders.Credits, out var c) ? c : 1;
        if (budget.TryAcquire(credits) is not { } refusal)
        {
            return base.SendAsync(request, cancellationToken);
        }

        telemetry.BudgetRefused(budget.Provider, refusal.Window);
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests)
        {
            RequestMessage = request,
            ReasonPhrase = refusal.Window == BudgetWindow.Month ? "Monthly quota spent (client-side)" : "Per-minute rate reached (client-side)",
            Content = new ByteArrayContent([]),
        };
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Ceiling(refusal.RetryAfter));
        response.Headers.TryAddWithoutValidation(SourceHeaders.BudgetRefused, refusal.Window == BudgetWindow.Month ? "month" : "minute");
        return Task.FromResult(response);
    }

    // Retry-After has whole seconds: round up so the retry never comes back a moment too early.
    private static TimeSpan Ceiling(TimeSpan wait) => TimeSpan.FromSeconds(Math.Ceiling(Math.Max(wait.TotalSeconds, 1)));
}
