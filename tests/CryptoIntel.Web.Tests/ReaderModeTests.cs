using System.Net;
using CryptoIntel.Testing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Web.Tests;

/// <summary>Reader mode: the output cache lives in Redis (the one .ci/run starts on loopback).</summary>
public sealed class ReaderModeTests
{
    private sealed class ReaderFactory(string redis) : WebAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Web:Mode", "Reader"),
            new("Web:Redis", redis),
        ];
    }

    [Fact]
    public async Task ReaderMode_ServesReadsThroughTheRedisOutputCache()
    {
        var redis = TestServices.RequireRedis();
        await using var app = new ReaderFactory(redis);
        await app.InitializeAsync();
        Assert.StartsWith("RedisOutputCacheStore", app.Services.GetRequiredService<IOutputCacheStore>().GetType().Name, StringComparison.Ordinal);

        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/api/coins?limit=3&reader=" + Guid.NewGuid().ToString("N"), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, first.RequestMessage!.RequestUri);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
