using System.Collections.Concurrent;
using System.Net;

namespace CryptoIntel.Worker.Tests;

/// <summary>A provider's real server-side limits, as documented for its free plan.</summary>
public sealed record ProviderLimits(string Provider, int PerMinute, int Monthly);

/// <summary>
/// Stands where the provider's servers would: counts every request that leaves the client (on the fake clock) and
/// answers 429, as the provider would, to any request past its documented free limits. The simulation asserts it
/// never had to.
/// </summary>
public sealed class UpstreamLimits(ProviderLimits limits, TimeProvider time)
{
    private readonly ConcurrentQueue<DateTimeOffset> _sent = new();
    private int _rejected;

    public ProviderLimits Limits { get; } = limits;

    public int Sent => _sent.Count;

    public int Rejected => _rejected;

    /// <summary>The most requests seen in any 60-second window.</summary>
    public int PeakPerMinute
    {
        get
        {
            var times = _sent.Order().ToArray();
            var peak = 0;
            for (int i = 0, j = 0; i < times.Length; i++)
            {
                while (times[i] - times[j] >= TimeSpan.FromMinutes(1))
                {
                    j++;
                }

                peak = Math.Max(peak, i - j + 1);
            }

            return peak;
        }
    }

    /// <summary>A handler for one handler chain (the factory builds new chains over time); all share these counts.</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    private bool TryAdmit()
    {
        var now = time.GetUtcNow();
        var inLastMinute = _sent.Count(t => now - t < TimeSpan.FromMinutes(1));
        if ((Limits.PerMinute > 0 && inLastMinute >= Limits.PerMinute) || (Limits.Monthly > 0 && _sent.Count >= Limits.Monthly))
        {
            Interlocked.Increment(ref _rejected);
            return false;
        }

        _sent.Enqueue(now);
        return true;
    }

    private sealed class Handler(UpstreamLimits limits) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            limits.TryAdmit()
                ? base.SendAsync(request, cancellationToken)
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.TooManyRequests) { RequestMessage = request, Content = new StringContent("{\"error\":\"rate limited\"}") });
    }
}
