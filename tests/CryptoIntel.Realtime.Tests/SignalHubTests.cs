using System.Diagnostics.Metrics;
using System.Net;
using CryptoIntel.Realtime.Internal;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CryptoIntel.Realtime.Tests;

public sealed class SignalHubTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Subscribe_ThenPublish_DeliversOnEveryMatchingTopicWithOffsets()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        var received = new Received();
        await using var connection = host.Connect(handlers: received.Attach);
        await connection.StartAsync(Token);
        var all = await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:bitcoin" }, Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "watchlist:majors" }, Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "kind:depeg" }, Token);

        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1), RealtimeTestHost.MakeSignal(2, asset: "solana")], Token);
        await received.WaitForAsync(r => r.Signals.Count == 4);

        Assert.Equal(0, all.Offset);
        Assert.True(all.Recovered);
        var byTopic = received.Signals.GroupBy(s => s.Topic).ToDictionary(g => g.Key, g => g.Select(s => s.Offset).ToList());
        Assert.Equal([1, 2], byTopic["all"]);
        Assert.Equal([1], byTopic["asset:bitcoin"]);
        Assert.Equal([1], byTopic["watchlist:majors"]);
        Assert.DoesNotContain("kind:depeg", byTopic.Keys);
        Assert.All(received.Signals, s => Assert.Equal(all.Epoch, s.Epoch));
        Assert.Equal("solana", received.Signals.Last(s => s.Topic == "all").Signal.Asset!.Value.Value);
    }

    [Fact]
    public async Task Subscribe_WithFilters_DeliversOnlyMatchingSignals()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        var received = new Received();
        await using var connection = host.Connect(handlers: received.Attach);
        await connection.StartAsync(Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", kinds = new[] { "price-move" }, minConfidence = 0.5, assets = new[] { "ethereum" } }, Token);

        await host.Publisher.PublishAsync(
        [
            RealtimeTestHost.MakeSignal(1, asset: "ethereum", kind: "price-move", confidence: 0.4),
            RealtimeTestHost.MakeSignal(2, asset: "bitcoin", kind: "price-move", confidence: 0.9),
            RealtimeTestHost.MakeSignal(3, asset: "ethereum", kind: "volume-spike", confidence: 0.9),
            RealtimeTestHost.MakeSignal(4, asset: "ethereum", kind: "price-move", confidence: 0.9),
        ], Token);
        await received.WaitForAsync(r => r.Signals.Count >= 1);
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(5, asset: "ethereum", kind: "price-move", confidence: 0.6)], Token);
        await received.WaitForAsync(r => r.Signals.Count >= 2);

        Assert.Equal([4, 5], received.Signals.Select(s => s.Offset));
    }

    [Fact]
    public async Task FilteredSubscription_PositionNotices_AreNotCountedAsMessagesSent()
    {
        // History 10: a filtered subscription is told its position every 5 skipped offsets.
        await using var host = await RealtimeTestHost.StartAsync(o => o.HistoryPerTopic = 10);
        using var sent = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), RealtimeMetrics.MeterName, "cryptointel.realtime.messages.sent");
        var received = new Received();
        var positions = new List<long>();
        await using var connection = host.Connect(handlers: c =>
        {
            received.Attach(c);
            c.On<System.Text.Json.JsonElement>("position", p =>
            {
                lock (positions)
                {
                    positions.Add(p.GetProperty("offset").GetInt64());
                }
            });
        });
        await connection.StartAsync(Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", minConfidence = 0.5 }, Token);

        await host.Publisher.PublishAsync([.. Enumerable.Range(1, 12).Select(i => RealtimeTestHost.MakeSignal(i, confidence: 0.1))], Token);
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(13, confidence: 0.9)], Token);
        await received.WaitForAsync(r => r.Signals.Count == 1);

        lock (positions)
        {
            Assert.NotEmpty(positions);
        }

        Assert.Equal(1, sent.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task PublishAsync_SameSignalTwice_DeliversOnce()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        var received = new Received();
        await using var connection = host.Connect(handlers: received.Attach);
        await connection.StartAsync(Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);

        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1), RealtimeTestHost.MakeSignal(1)], Token);
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1), RealtimeTestHost.MakeSignal(2)], Token);
        await received.WaitForAsync(r => r.Signals.Count >= 2);

        Assert.Equal([1, 2], received.Signals.Select(s => s.Offset));
    }

    [Fact]
    public async Task Subscribe_ResumeFromOffset_ReplaysMissedInOrderThenLive()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        var first = new Received();
        string epoch;
        await using (var connection = host.Connect(handlers: first.Attach))
        {
            await connection.StartAsync(Token);
            epoch = (await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token)).Epoch;
            await host.Publisher.PublishAsync([.. Enumerable.Range(1, 3).Select(i => RealtimeTestHost.MakeSignal(i))], Token);
            await first.WaitForAsync(r => r.Signals.Count == 3);
        }

        await host.Publisher.PublishAsync([.. Enumerable.Range(4, 5).Select(i => RealtimeTestHost.MakeSignal(i))], Token);
        var second = new Received();
        await using var resumed = host.Connect(handlers: second.Attach);
        await resumed.StartAsync(Token);
        var answer = await resumed.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", epoch, offset = 3L }, Token);
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(9)], Token);
        await second.WaitForAsync(r => r.Signals.Count == 6);

        Assert.True(answer.Recovered);
        Assert.Equal(5, answer.Replayed);
        Assert.Equal([4, 5, 6, 7, 8, 9], second.Signals.Select(s => s.Offset));
    }

    [Fact]
    public async Task Subscribe_ResumeBeyondHistory_AnswersRecoveredFalseAndSendsGap()
    {
        await using var host = await RealtimeTestHost.StartAsync(o => o.HistoryPerTopic = 5);
        await host.Publisher.PublishAsync([.. Enumerable.Range(1, 20).Select(i => RealtimeTestHost.MakeSignal(i))], Token);
        var received = new Received();
        await using var connection = host.Connect(handlers: received.Attach);
        await connection.StartAsync(Token);
        var position = await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "kind:depeg" }, Token);

        var answer = await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", epoch = position.Epoch, offset = 2L }, Token);
        await received.WaitForAsync(r => r.Gaps.Count == 1 && r.Signals.Count == 5);
        var otherEpoch = await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:bitcoin", epoch = "0000", offset = 2L }, Token);

        Assert.False(answer.Recovered);
        Assert.Equal(20, answer.Offset);
        var gap = Assert.Single(received.Gaps);
        Assert.Equal((3L, 15L, false), (gap.FromOffset, gap.ToOffset, gap.Recovered));
        Assert.Equal([16, 17, 18, 19, 20], received.Signals.Select(s => s.Offset));
        Assert.False(otherEpoch.Recovered);
    }

    [Theory]
    [InlineData("{\"topic\":\"prices:btc\"}", "Unknown topic")]
    [InlineData("{\"topic\":\"\"}", "A topic is required")]
    [InlineData("{\"topic\":\"watchlist:nope\"}", "Unknown watchlist")]
    [InlineData("{\"topic\":\"all\",\"offset\":3}", "needs the epoch")]
    [InlineData("{\"topic\":\"all\",\"offset\":-1,\"epoch\":\"x\"}", "Invalid offset -1")]
    [InlineData("{\"topic\":\"all\",\"minConfidence\":2}", "minConfidence")]
    public async Task Subscribe_BadRequest_FailsWithClearErrorAndConnectionLives(string request, string expected)
    {
        await using var host = await RealtimeTestHost.StartAsync();
        var received = new Received();
        await using var connection = host.Connect(handlers: received.Attach);
        await connection.StartAsync(Token);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<SubscribeAnswer>("Subscribe", System.Text.Json.JsonDocument.Parse(request).RootElement, Token));
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1)], Token);
        await received.WaitForAsync(r => r.Signals.Count == 1);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_OffsetAheadOfTopic_FailsWithClearError()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        await using var connection = host.Connect();
        await connection.StartAsync(Token);
        var position = await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all", epoch = position.Epoch, offset = 99L }, Token));

        Assert.Contains("Invalid offset 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_BeyondCap_FailsWithClearError()
    {
        await using var host = await RealtimeTestHost.StartAsync(o => o.MaxSubscriptionsPerConnection = 3);
        await using var connection = host.Connect();
        await connection.StartAsync(Token);
        for (var i = 0; i < 3; i++)
        {
            await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = $"asset:a{i}" }, Token);
        }

        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:a0", minConfidence = 0.5 }, Token);
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:a3" }, Token));
        Assert.True(await connection.InvokeAsync<bool>("Unsubscribe", "asset:a1", Token));
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:a3" }, Token);

        Assert.Contains("at most 3 topics", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedOrMalformedMessage_ClosesOnlyThatConnection()
    {
        await using var host = await RealtimeTestHost.StartAsync(o => o.MaxReceiveMessageSize = 4096);
        var bystander = new Received();
        await using var other = host.Connect(handlers: bystander.Attach);
        await other.StartAsync(Token);
        await other.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await using var offender = host.Connect();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        offender.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        await offender.StartAsync(Token);

        var invocation = await Assert.ThrowsAnyAsync<Exception>(() => offender.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = new string('a', 10_000) }, Token));
        var error = await closed.Task.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1)], Token);
        await bystander.WaitForAsync(r => r.Signals.Count == 1);

        Assert.Contains("closed with an error", error?.Message ?? invocation.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HubConnectionState.Connected, other.State);
    }

    [Fact]
    public async Task Connect_WithoutOrWithWrongKey_Is401WithReason()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        using var http = new HttpClient();

        var none = await http.PostAsync(new Uri(host.HubUri + "/negotiate?negotiateVersion=1"), null, Token);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, host.HubUri + "/negotiate?negotiateVersion=1");
        wrong.Headers.Add("X-Api-Key", "not-a-key-0000000000");
        var wrongResponse = await http.SendAsync(wrong, Token);
        await using var connection = host.Connect("wrong-key-123456789");
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync(Token));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("\"error\":\"unauthorized\"", await none.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Subscribe_TopicNotAllowedForKey_FailsWithClearError()
    {
        await using var host = await RealtimeTestHost.StartAsync();
        await using var connection = host.Connect(RealtimeTestHost.RestrictedKey);
        await connection.StartAsync(Token);

        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:bitcoin" }, Token);
        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token));

        Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_BeyondConnectionCap_Is503AndOthersLive()
    {
        await using var host = await RealtimeTestHost.StartAsync(o => o.MaxConnections = 2);
        var received = new Received();
        await using var first = host.Connect(handlers: received.Attach);
        await using var second = host.Connect();
        await first.StartAsync(Token);
        await second.StartAsync(Token);
        await first.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);

        await using var third = host.Connect();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => third.StartAsync(Token));
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(1)], Token);
        await received.WaitForAsync(r => r.Signals.Count == 1);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(HubConnectionState.Connected, second.State);
    }

    [Fact]
    public async Task SlowConsumer_DoesNotSlowOthers_IsBoundedAndRecoversInOrder()
    {
        await using var host = await RealtimeTestHost.StartAsync(o =>
        {
            o.ConnectionBufferSize = 16;
            o.HistoryPerTopic = 200;

            // The raw slow client sends no pings while it is not reading; on a loaded machine that can exceed 30 s.
            o.ClientTimeout = TimeSpan.FromMinutes(5);
        });
        using var dropped = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), RealtimeMetrics.MeterName, "cryptointel.realtime.messages.dropped");
        var fast = new Received();
        await using var fastConnection = host.Connect(handlers: fast.Attach);
        await fastConnection.StartAsync(Token);
        await fastConnection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await using var slow = await RawHubClient.ConnectAsync(host.HubUri, RealtimeTestHost.Key, Token);
        await slow.SubscribeAsync("all", Token);

        // The slow client reads nothing while 2,000 messages of ~8 KB (16 MB) are published, at the pace of the fast one:
        // more than the socket buffers hold.
        const int count = 2000;
        for (var i = 1; i <= count; i += 10)
        {
            await host.Publisher.PublishAsync([.. Enumerable.Range(i, 10).Select(n => RealtimeTestHost.MakeSignal(n, summaryLength: 8000))], Token);
            await fast.WaitForAsync(r => r.Signals.Count == i + 9);
        }

        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), fast.Signals.Select(s => s.Offset));
        Assert.True(dropped.GetMeasurementSnapshot().Sum(m => m.Value) > 0);

        // Now it reads: strictly increasing offsets, ending at the last one, every hole announced by a gap.
        var (offsets, gaps) = await slow.ReadUntilOffsetAsync(count, Token);
        Assert.Equal(count, offsets[^1]);
        Assert.True(offsets.Zip(offsets.Skip(1)).All(p => p.Second > p.First));
        var covered = gaps.SelectMany(g => Enumerable.Range((int)g.From, (int)(g.To - g.From + 1))).ToHashSet();
        var missing = Enumerable.Range(1, count).Where(i => !offsets.Contains(i)).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, m => Assert.Contains(m, covered));
    }

    [Fact]
    public async Task FanOutQueueOverflow_LosesNothing_NodeReadsDroppedFramesBackInOrder()
    {
        // A one-frame fan-out queue: publishing 300 signals (four topic frames each) in one synchronous burst outruns
        // the fan-out loop, so it drops most frames; every subscriber must still get every frame of its topic, in order.
        // (Connection queues deep enough never to drop: this test is about the node's queue.)
        await using var host = await RealtimeTestHost.StartAsync(o =>
        {
            o.FanOutQueueCapacity = 1;
            o.ConnectionBufferSize = 5000;
        });
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var caughtUp = new MetricCollector<long>(meters, RealtimeMetrics.MeterName, "cryptointel.realtime.fanout.caught_up");
        using var replayed = new MetricCollector<long>(meters, RealtimeMetrics.MeterName, "cryptointel.realtime.messages.replayed");
        var all = new Received();
        var filtered = new Received();
        await using var allConnection = host.Connect(handlers: all.Attach);
        await using var filteredConnection = host.Connect(handlers: filtered.Attach);
        await allConnection.StartAsync(Token);
        await filteredConnection.StartAsync(Token);
        await allConnection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        await filteredConnection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "asset:bitcoin", minConfidence = 0.5 }, Token);

        const int count = 300;
        await host.Publisher.PublishAsync([.. Enumerable.Range(1, count).Select(i => RealtimeTestHost.MakeSignal(i, confidence: i % 2 == 0 ? 0.9 : 0.1))], Token);
        await all.WaitForAsync(r => r.Signals.Count >= count);
        await filtered.WaitForAsync(r => r.Signals.Count >= count / 2);

        Assert.True(host.Services.GetRequiredService<Dispatcher>().Overflows > 0);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), all.Signals.Select(s => s.Offset));
        Assert.Equal(Enumerable.Range(1, count).Where(i => i % 2 == 0).Select(i => (long)i), filtered.Signals.Select(s => s.Offset));
        Assert.Empty(all.Gaps);
        Assert.Empty(filtered.Gaps);

        // The node read the dropped frames back from history itself and fanned them out: no subscription replayed on its own.
        Assert.True(caughtUp.GetMeasurementSnapshot().Sum(m => m.Value) > 0);
        Assert.Equal(0, replayed.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task FanOutCatchUp_HistoryReadFails_SubscriptionsRecoverOnTheirOwn_AndTheLoopGoesOn()
    {
        // The node's first history read (its catch-up after the one-frame fan-out queue dropped frames) throws, as when
        // Redis is down: the fan-out loop must go on, and the subscribers recover the frames with their own reads.
        var armed = false;
        var failures = 1;
        await using var host = await RealtimeTestHost.StartAsync(
            o =>
            {
                o.FanOutQueueCapacity = 1;
                o.ConnectionBufferSize = 5000;
            },
            host: b => b.Services.AddSingleton<ITopicStore>(sp => new FailingReads(ActivatorUtilities.CreateInstance<MemoryTopicStore>(sp), () => Volatile.Read(ref armed) && Interlocked.Decrement(ref failures) >= 0)));
        using var replayed = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), RealtimeMetrics.MeterName, "cryptointel.realtime.messages.replayed");
        var all = new Received();
        await using var connection = host.Connect(handlers: all.Attach);
        await connection.StartAsync(Token);
        await connection.InvokeAsync<SubscribeAnswer>("Subscribe", new { topic = "all" }, Token);
        Volatile.Write(ref armed, true);

        const int count = 300;
        await host.Publisher.PublishAsync([.. Enumerable.Range(1, count).Select(i => RealtimeTestHost.MakeSignal(i))], Token);
        await all.WaitForAsync(r => r.Signals.Count >= count);

        Assert.True(failures < 0);
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), all.Signals.Select(s => s.Offset));
        Assert.Empty(all.Gaps);
        Assert.True(replayed.GetMeasurementSnapshot().Sum(m => m.Value) > 0);

        // Later frames still flow.
        await host.Publisher.PublishAsync([RealtimeTestHost.MakeSignal(count + 1)], Token);
        await all.WaitForAsync(r => r.Signals.Count == count + 1);
    }

    /// <summary>A topic store whose history reads throw while <c>fail()</c> says so.</summary>
    private sealed class FailingReads(ITopicStore inner, Func<bool> fail) : ITopicStore
    {
        public ValueTask PublishAsync(Signal signal, IReadOnlyList<string> topics, CancellationToken cancellationToken)
            => inner.PublishAsync(signal, topics, cancellationToken);

        public ValueTask<TopicPosition> GetPositionAsync(string topic, CancellationToken cancellationToken)
            => inner.GetPositionAsync(topic, cancellationToken);

        public ValueTask<HistoryRead> ReadAsync(string topic, long afterOffset, int max, CancellationToken cancellationToken)
            => fail() ? throw new InvalidOperationException("history unavailable") : inner.ReadAsync(topic, afterOffset, max, cancellationToken);
    }
}
