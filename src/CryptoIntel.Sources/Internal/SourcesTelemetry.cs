using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CryptoIntel.Sources.Internal;

/// <summary>
/// The traces and metrics of the source clients: an <see cref="ActivitySource"/> and a <see cref="Meter"/> named
/// <c>CryptoIntel.Sources</c>. Tags are limited to provider, operation, outcome and window: never an asset, a
/// query string or a key.
/// </summary>
internal sealed class SourcesTelemetry : IDisposable
{
    public const string Name = "CryptoIntel.Sources";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _cache;
    private readonly Counter<long> _budgetRefusals;

    public SourcesTelemetry(IMeterFactory meterFactory, SourceBudgets budgets)
    {
        _meter = meterFactory.Create(Name);
        _requests = _meter.CreateCounter<long>("cryptointel.source.requests", "{request}", "Calls to a data source, by outcome.");
        _duration = _meter.CreateHistogram<double>("cryptointel.source.request.duration", "s", "Duration of calls that reached the network.");
        _cache = _meter.CreateCounter<long>("cryptointel.source.cache.lookups", "{lookup}", "Cache lookups by result: hit, miss, stale.");
        _budgetRefusals = _meter.CreateCounter<long>("cryptointel.source.budget.refusals", "{request}", "Requests the client-side budget refused before sending.");
        _meter.CreateObservableGauge("cryptointel.source.quota.remaining", () => Remaining(budgets), "{credit}", "Budget left: per sliding minute and in this calendar month.");
    }

    public void Request(string provider, string operation, string outcome, TimeSpan? duration)
    {
        var tags = new TagList { { "provider", provider }, { "operation", operation }, { "outcome", outcome } };
        _requests.Add(1, tags);
        if (duration is { } d)
        {
            _duration.Record(d.TotalSeconds, tags);
        }
    }

    public void Cache(string provider, string operation, string result) =>
        _cache.Add(1, new TagList { { "provider", provider }, { "operation", operation }, { "result", result } });

    public void BudgetRefused(string provider, BudgetWindow window) =>
        _budgetRefusals.Add(1, new TagList { { "provider", provider }, { "window", window == BudgetWindow.Month ? "month" : "minute" } });

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Remaining(SourceBudgets budgets)
    {
        foreach (var budget in budgets.All)
        {
            if (budget.Remaining(BudgetWindow.Minute) is { } minute)
            {
                yield return new Measurement<long>(minute, new KeyValuePair<string, object?>("provider", budget.Provider), new KeyValuePair<string, object?>("window", "minute"));
            }

            if (budget.Remaining(BudgetWindow.Month) is { } month)
            {
                yield return new Measurement<long>(month, new KeyValuePair<string, object?>("provider", budget.Provider), new KeyValuePair<string, object?>("window", "month"));
            }
        }
    }
}
