using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Text;
using CryptoIntel.Realtime.Client;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CryptoIntel.Realtime.Tests;

public sealed class ClientAndAuthTests
{
    private static readonly SymmetricSecurityKey SigningKey = new(Encoding.UTF8.GetBytes("a-test-signing-key-of-at-least-32-bytes!!"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Task<RealtimeTestHost> StartJwtHostAsync() => RealtimeTestHost.StartAsync(
        o => o.BearerSchemes.Add(JwtBearerDefaults.AuthenticationScheme),
        host: b => b.Services.AddAuthentication().AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = false,
                ValidateAudience = false,
                IssuerSigningKey = SigningKey,
                ClockSkew = TimeSpan.Zero,
            };
        }));

    private static string CreateToken(DateTime expires, params string[] topics)
    {
        var claims = new List<Claim> { new("sub", "alice") };
        claims.AddRange(topics.Select(t => new Claim(RealtimeOptions.TopicsClaimType, t)));
        var token = new JwtSecurityToken(claims: claims, notBefore: expires.AddHours(-2), expires: expires,
            signingCredentials: new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    [Fact]
    public async Task Connect_WithValidBearerToken_SubscribesToAllowedTopicsOnly()
    {
        await using var host = await StartJwtHostAsync();
        await using var connection = host.Connect(CreateToken(DateTime.UtcNow.AddHours(1), "kind:*"));
        await connection.StartAsync(Token);

        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "kind:depeg" }, Token);
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token));

        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithExpiredBearerToken_Is401TokenExpired()
    {
        await using var host = await StartJwtHostAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.HubUri + "/negotiate?negotiateVersion=1");
        request.Headers.Authorization = new("Bearer", CreateToken(DateTime.UtcNow.AddMinutes(-5)));

        var response = await http.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"error\":\"token_expired\"", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRealtime_RequireAuthenticationWithoutKeys_FailsAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RealtimeTestHost.StartAsync(o =>
        {
            o.ApiKeys.Clear();
            o.ClientTimeout = TimeSpan.FromSeconds(5);
        }));

        Assert.Contains("nobody could connect", error.Message, StringComparison.Ordinal);
        Assert.Contains("ClientTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignalStreamClient_ReadsEachSignalOnce_AndKeepsOfflineCache()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), $"ci-rt-{Guid.NewGuid():N}.json");
        try
        {
            var options = new SignalStreamClientOptions { Url = host.HubUri, ApiKey = RealtimeTestHost.Key, CacheFile = file };
            options.Topics.Add(new SignalTopicSubscription("all"));
            options.Topics.Add(new SignalTopicSubscription("asset:bitcoin") { MinConfidence = 0.5 });
            await using (var client = new SignalStreamClient(options))
            {
                var reading = ScaleOutTests.ReadAsync(client, 3);
                var observed = new List<Signal>();
                using var subscription = client.Signals.Subscribe(s =>
                {
                    lock (observed)
                    {
                        observed.Add(s);
                    }
                });
                await client.StartAsync(Token);
                await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1), RealtimeTestHost.MakeSignal(2, asset: "solana"), RealtimeTestHost.MakeSignal(3)], Token);

                var signals = await reading.WaitAsync(TimeSpan.FromSeconds(20), Token);
                Assert.Equal([1, 2, 3], signals.Select(s => (int)s.Magnitude));
                await ScaleOutTests.WaitUntilAsync(() =>
                {
                    lock (observed)
                    {
                        return observed.Count == 3;
                    }
                });
                Assert.Equal(2, client.Positions["asset:bitcoin"].Offset);
            }

            var offline = new SignalStreamClient(new SignalStreamClientOptions { Url = host.HubUri, CacheFile = file });
            await using (offline)
            {
                Assert.Equal([1, 2, 3], offline.LatestSignals.Select(s => (int)s.Magnitude));
                Assert.Equal(3, offline.Positions["all"].Offset);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SignalStreamClient_FilteredTopicQuietForLong_ResumesWithoutGap()
    {
        // History of 10: a filtered subscription gets a position notice every 5 offsets without a match, so a client
        // whose filters matched nothing for 23 messages still resumes inside history (not recovered: false).
        await using var host = await RealtimeTestHost.StartAsync(o => o.HistoryPerTopic = 10);
        var file = Path.Combine(Path.GetTempPath(), $"ci-rt-{Guid.NewGuid():N}.json");
        try
        {
            var gaps = new List<SignalGapArguments>();
            var options = new SignalStreamClientOptions { Url = host.HubUri, ApiKey = RealtimeTestHost.Key, CacheFile = file, OnGap = g => gaps.Add(g) };
            options.Topics.Add(new SignalTopicSubscription("all") { Kinds = ["price-move"] });
            await using (var client = new SignalStreamClient(options))
            {
                await client.StartAsync(Token);
                await host.Publisher.PublishAsync([.. Enumerable.Range(1, 23).Select(i => RealtimeTestHost.MakeSignal(i))], Token);
                await ScaleOutTests.WaitUntilAsync(() => client.Positions["all"].Offset == 20);
            }

            // Offline for 5 more that do not match: the replay on resume skips all 8 it reads, and says so with a position.
            await host.Publisher.PublishAsync([.. Enumerable.Range(24, 5).Select(i => RealtimeTestHost.MakeSignal(i))], Token);
            await using var resumed = new SignalStreamClient(options);
            var reading = ScaleOutTests.ReadAsync(resumed, 1);
            Assert.Equal(20, resumed.Positions["all"].Offset);
            await resumed.StartAsync(Token);
            await ScaleOutTests.WaitUntilAsync(() => resumed.Positions["all"].Offset == 28);
            await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(29, kind: "price-move")], Token);

            var signal = Assert.Single(await reading.WaitAsync(TimeSpan.FromSeconds(20), Token));
            Assert.Equal(29, (int)signal.Magnitude);
            Assert.Empty(gaps);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SignalStreamClient_RefusedKey_StartFailsAndStops()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        SignalStreamStatusArguments? last = null;
        await using var client = new SignalStreamClient(new SignalStreamClientOptions
        {
            Url = host.HubUri,
            ApiKey = "not-the-key-000000000",
            OnStatus = s => last = s,
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync(Token));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(SignalStreamStatus.Stopped, last?.Status);
    }

    [Fact]
    public void SignalStreamClient_NullOrUrlLessOptions_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new SignalStreamClient(null!));
        Assert.Throws<ArgumentException>(() => new SignalStreamClient(new SignalStreamClientOptions()));
    }
}
