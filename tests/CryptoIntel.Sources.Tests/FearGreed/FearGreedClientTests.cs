using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Sources.Tests.FearGreed;

public class FearGreedClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SourceTestHost Host(Action<FearGreedClientOptions>? configure = null) =>
        SourceTestHost.Create(b => b.AddFearGreed(o =>
        {
            o.MaxRetryAttempts = 0;
            o.StaleDuration = TimeSpan.Zero;
            configure?.Invoke(o);
        }));

    [Fact]
    public async Task Methods_ArgumentChecking()
    {
        await using var host = Host();
        var client = host.Get<FearGreedClient>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetIndexAsync(-1, Ct));
        Assert.Equal(0, host.Stub.Count);
    }

    [Fact]
    public async Task GetIndexAsync_History_ParsesStringsNumbersAndTimeUntilUpdate()
    {
        await using var host = Host();
        host.Stub.RespondFile("feargreed/fng_history.json");

        var values = await host.Get<FearGreedClient>().GetIndexAsync(3, Ct);

        var sent = Assert.Single(host.Stub.Requests);
        Assert.Equal("https://api.alternative.me/fng/?limit=3", sent.Uri.AbsoluteUri);
        Assert.Equal(3, values.Count);
        Assert.Equal(new FearGreedValue(23, "Extreme Fear", DateTimeOffset.FromUnixTimeSeconds(1794700800)) { TimeUntilUpdate = TimeSpan.FromSeconds(41234) }, values[0]);
        Assert.Equal((47, "Neutral"), (values[1].Value, values[1].Classification));
        Assert.Null(values[1].TimeUntilUpdate);
        Assert.Equal(81, values[2].Value); // a number, not a string
        Assert.Equal(TimeSpan.Zero, values[2].Timestamp.Offset);
    }

    [Fact]
    public async Task GetIndexAsync_ZeroLimit_AsksForFullHistory()
    {
        await using var host = Host();
        host.Stub.RespondFile("feargreed/fng_history.json");

        await host.Get<FearGreedClient>().GetIndexAsync(0, Ct);

        Assert.Equal("/fng/?limit=0", Assert.Single(host.Stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetLatestAsync_ReturnsNewestValue()
    {
        await using var host = Host();
        host.Stub.RespondFile("feargreed/fng_history.json");

        var latest = await host.Get<FearGreedClient>().GetLatestAsync(Ct);

        Assert.Equal(23, latest.Value);
        Assert.Equal("/fng/?limit=1", Assert.Single(host.Stub.Requests).PathAndQuery);
    }

    [Fact]
    public async Task GetLatestAsync_EmptyData_ThrowsInvalidResponse()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"name":"Fear and Greed Index","data":[],"metadata":{"error":null}}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<FearGreedClient>().GetLatestAsync(Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
    }

    [Fact]
    public async Task GetIndexAsync_MetadataError_ThrowsProviderError()
    {
        await using var host = Host();
        host.Stub.RespondJson("""{"name":"Fear and Greed Index","data":[],"metadata":{"error":"Limit must be a number"}}""");

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<FearGreedClient>().GetIndexAsync(5, Ct));

        Assert.Equal(SourceFailureKind.ProviderError, error.Kind);
        Assert.Contains("Limit must be a number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"data":[{"value":"101","value_classification":"?","timestamp":"1794700800"}],"metadata":{"error":null}}""", "outside 0-100")]
    [InlineData("""{"data":[{"value":"abc","value_classification":"?","timestamp":"1794700800"}],"metadata":{"error":null}}""", "'value' is not a whole number")]
    [InlineData("""{"data":[{"value":"5","value_classification":"?"}],"metadata":{"error":null}}""", "no 'timestamp'")]
    [InlineData("""{"name":"x","metadata":{"error":null}}""", "no 'data'")]
    [InlineData("""{"data":[{"value":"99999999999999999999999","timestamp":"1"}],"metadata":{"error":null}}""", "'value' is not a whole number")]
    public async Task GetIndexAsync_BadValues_ThrowInvalidResponseNamingTheProblem(string body, string expected)
    {
        await using var host = Host();
        host.Stub.RespondJson(body);

        var error = await Assert.ThrowsAsync<SourceRequestException>(() => host.Get<FearGreedClient>().GetIndexAsync(1, Ct));

        Assert.Equal(SourceFailureKind.InvalidResponse, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetIndexAsync_WithinTenMinutes_IsServedFromCache()
    {
        await using var host = Host(o => o.StaleDuration = TimeSpan.Zero);
        host.Stub.RespondFile("feargreed/fng_history.json");
        var client = host.Get<FearGreedClient>();

        await client.GetIndexAsync(3, Ct);
        host.Time.Advance(TimeSpan.FromMinutes(9));
        await client.GetIndexAsync(3, Ct);
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await client.GetIndexAsync(3, Ct);

        Assert.Equal(2, host.Stub.Count);
    }
}
