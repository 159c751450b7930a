using System.Diagnostics;
using System.Net;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CryptoIntel.Sources.Tests.Internal;

public class TelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Timeout = 20000)]
    public async Task Calls_RecordRequestsCacheBudgetAndQuotaMetrics_TaggedByProviderOnly()
    {
        await using var host = SourceTestHost.Create(b => b.AddCoinGecko(o =>
        {
            o.MaxRetryAttempts = 0;
            o.MonthlyQuota = 100;
            o.RequestsPerMinute = 2;
            o.WaitForRateLimit = false;
        }));
        host.Stub.RespondFile("coingecko/markets_page.json").Respond(HttpStatusCode.InternalServerError, "{}");
        using var requests = new MetricCollector<long>(host.Get<System.Diagnostics.Metrics.IMeterFactory>(), "CryptoIntel.Sources", "cryptointel.source.requests");
        using var cache = new MetricCollector<long>(host.Get<System.Diagnostics.Metrics.IMeterFactory>(), "CryptoIntel.Sources", "cryptointel.source.cache.lookups");
        using var refusals = new MetricCollector<long>(host.Get<System.Diagnostics.Metrics.IMeterFactory>(), "CryptoIntel.Sources", "cryptointel.source.budget.refusals");
        using var quota = new MetricCollector<long>(host.Get<System.Diagnostics.Metrics.IMeterFactory>(), "CryptoIntel.Sources", "cryptointel.source.quota.remaining");
        var client = host.Get<CoinGeckoClient>();

        await client.GetMarketsAsync(new MarketsQuery { Ids = [AssetId.Bitcoin] }, Ct);
        await client.GetMarketsAsync(new MarketsQuery { Ids = [AssetId.Bitcoin] }, Ct);
        await Assert.ThrowsAsync<SourceRequestException>(() => client.GetGlobalAsync(Ct));
        await Assert.ThrowsAsync<SourceRequestException>(() => client.GetTrendingAsync(Ct));
        quota.RecordObservableInstruments();

        var outcomes = requests.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]!).ToList();
        Assert.Equal(["success", "http_error", "quota_exceeded"], outcomes);
        Assert.Equal(["miss", "hit"], cache.GetMeasurementSnapshot().Take(2).Select(m => (string)m.Tags["result"]!));
        Assert.Equal("minute", Assert.Single(refusals.GetMeasurementSnapshot()).Tags["window"]);
        var monthLeft = quota.GetMeasurementSnapshot().Single(m => (string)m.Tags["window"]! == "month");
        Assert.Equal(98, monthLeft.Value);
        var allTags = requests.GetMeasurementSnapshot().SelectMany(m => m.Tags.Keys).Distinct().Order();
        Assert.Equal(["operation", "outcome", "provider"], allTags);
    }

    [Fact(Timeout = 20000)]
    public async Task Call_OneSpanPerCall_NamedByProviderAndOperation()
    {
        // The listener is process-wide and other test classes run in parallel: keep only this test's trace.
        using var trace = new Activity("telemetry-test").Start();
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "CryptoIntel.Sources",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == trace.TraceId)
                {
                    spans.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = SourceTestHost.Create(b => b.AddCoinGecko(o => o.MaxRetryAttempts = 0));
        host.Stub.RespondFile("coingecko/global.json");

        await host.Get<CoinGeckoClient>().GetGlobalAsync(Ct);

        var span = Assert.Single(spans, s => s.DisplayName == "coingecko global");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("global", span.GetTagItem("cryptointel.operation"));
    }
}
