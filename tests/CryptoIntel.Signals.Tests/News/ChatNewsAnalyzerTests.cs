using System.Diagnostics.Metrics;
using CryptoIntel.Signals.News;
using CryptoIntel.Signals.News.Internal;
using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using static CryptoIntel.Signals.Tests.Detectors.DetectorTestKit;

namespace CryptoIntel.Signals.Tests.News;

public sealed class ChatNewsAnalyzerTests
{
    private const string Headline = "Bitcoin ETF inflows hit a record as BTC rallies";
    private const string Good = """{"sentiment": "positive", "score": 0.8, "summary": "Record ETF inflows lift bitcoin.", "assets": ["btc", " BTC ", "ETH", ""]}""";

    private readonly IMeterFactory _meters = MeterFactory();
    private readonly FakeLogger _logger = new();
    private readonly FakeTimeProvider _time = new();

    private ChatNewsAnalyzer Create(IChatClient? chat, ChatNewsAnalysisOptions? options = null) =>
        new(chat, LexiconSentimentScorer.Instance, options ?? new ChatNewsAnalysisOptions(), _time, _meters, _logger);

    private MetricCollector<long> Fallbacks() => Collect(_meters, ChatNewsAnalyzer.FallbackCounterName);

    private static SentimentLabel LexiconLabel(string text) => LexiconSentimentScorer.Instance.Score(text).Label;

    [Fact]
    public async Task AnalyzeTextAsync_GoodAnswer_IsParsedAndValidated()
    {
        var chat = FakeChatClient.Answering(Good);
        using var analyzer = Create(chat, new ChatNewsAnalysisOptions { ModelId = "small-model" });
        using var fallbacks = Fallbacks();

        var analysis = await analyzer.AnalyzeTextAsync(Headline, TestContext.Current.CancellationToken);

        Assert.Equal(NewsAnalysisSource.Chat, analysis.Source);
        Assert.Equal(SentimentLabel.Positive, analysis.Label);
        Assert.Equal(0.8f, analysis.Score);
        Assert.Equal("Record ETF inflows lift bitcoin.", analysis.Summary);
        Assert.Equal(["BTC", "ETH"], analysis.Assets);
        Assert.Empty(fallbacks.GetMeasurementSnapshot());

        var (messages, options) = Assert.Single(chat.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], messages.Select(m => m.Role));
        Assert.Equal(Headline, messages[1].Text);
        Assert.NotNull(options);
        Assert.Equal("small-model", options.ModelId);
        Assert.Equal(0f, options.Temperature);
        var format = Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat);
        Assert.Equal("news_analysis", format.SchemaName);
        Assert.Contains("\"enum\"", format.Schema?.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeTextAsync_AnswerInACodeFence_IsParsed()
    {
        using var analyzer = Create(FakeChatClient.Answering("```json\n{\"sentiment\":\"NEGATIVE\",\"score\":-0.5,\"summary\":\"\",\"assets\":[]}\n```"));

        var analysis = await analyzer.AnalyzeTextAsync("Exchange hacked, withdrawals halted", TestContext.Current.CancellationToken);

        Assert.Equal(NewsAnalysisSource.Chat, analysis.Source);
        Assert.Equal(SentimentLabel.Negative, analysis.Label);
        Assert.Equal(-0.5f, analysis.Score);
        Assert.Null(analysis.Summary);
        Assert.Empty(analysis.Assets);
    }

    [Theory]
    [InlineData("{\"sentiment\": \"positive\", \"score\": 0.8, \"summ", null, "malformed_json")]
    [InlineData("Sure! The sentiment is positive.", null, "malformed_json")]
    [InlineData("{\"sentiment\": \"positive\", \"score\": \"high\"}", null, "malformed_json")]
    [InlineData("", null, "empty_answer")]
    [InlineData("   ", null, "empty_answer")]
    [InlineData("null", null, "invalid_answer")]
    [InlineData("{\"sentiment\": \"bullish\", \"score\": 0.8}", null, "invalid_answer")]
    [InlineData("{\"sentiment\": \"positive\"}", null, "invalid_answer")]
    [InlineData("{\"sentiment\": \"positive\", \"score\": 3}", null, "invalid_answer")]
    [InlineData("{\"sentiment\": \"negative\", \"score\": 0.7}", null, "invalid_answer")]
    [InlineData(Good, "length", "truncated")]
    public async Task AnalyzeTextAsync_UnusableAnswer_FallsBackToTheScorer_AndCountsIt(string answer, string? finishReason, string reason)
    {
        using var analyzer = Create(FakeChatClient.Answering(answer, finishReason is null ? null : new ChatFinishReason(finishReason)));
        using var fallbacks = Fallbacks();

        var analysis = await analyzer.AnalyzeTextAsync(Headline, TestContext.Current.CancellationToken);

        Assert.Equal(NewsAnalysisSource.Fallback, analysis.Source);
        Assert.Equal(LexiconLabel(Headline), analysis.Label);
        Assert.Equal(LexiconSentimentScorer.Instance.Score(Headline).Value, analysis.Score);
        Assert.Null(analysis.Summary);
        Assert.Equal(1, Count(fallbacks, "reason", reason));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == NewsLog.ChatFallbackId && r.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnalyzeTextAsync_ModelTooSlow_FallsBackAfterTheTimeout(bool clientHonoursItsToken)
    {
        var never = new TaskCompletionSource<ChatResponse>();
        var chat = new FakeChatClient(async (_, _, token) =>
        {
            if (clientHonoursItsToken)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, token);
            }

            return await never.Task;
        });
        using var analyzer = Create(chat, new ChatNewsAnalysisOptions { Timeout = TimeSpan.FromSeconds(5) });
        using var fallbacks = Fallbacks();

        var pending = analyzer.AnalyzeTextAsync(Headline, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        var analysis = await pending;

        Assert.Equal(NewsAnalysisSource.Fallback, analysis.Source);
        Assert.Equal(LexiconLabel(Headline), analysis.Label);
        Assert.Equal(1, Count(fallbacks, "reason", "timeout"));
    }

    [Fact]
    public async Task AnalyzeTextAsync_ClientThrows_FallsBack_AndLogsTheException()
    {
        var chat = new FakeChatClient((_, _, _) => throw new HttpRequestException("502 Bad Gateway"));
        using var analyzer = Create(chat);
        using var fallbacks = Fallbacks();

        var analysis = await analyzer.AnalyzeTextAsync(Headline, TestContext.Current.CancellationToken);

        Assert.Equal(NewsAnalysisSource.Fallback, analysis.Source);
        Assert.Equal(1, Count(fallbacks, "reason", "error"));
        var record = Assert.Single(_logger.Collector.GetSnapshot(), r => r.Id.Id == NewsLog.ChatFallbackId);
        Assert.IsType<HttpRequestException>(record.Exception);
        Assert.DoesNotContain(Headline, record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeTextAsync_CallerCancels_Throws_AndDoesNotFallBack()
    {
        var chat = new FakeChatClient(async (_, _, token) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, token);
            throw new InvalidOperationException("unreachable");
        });
        using var analyzer = Create(chat);
        using var fallbacks = Fallbacks();
        using var cts = new CancellationTokenSource();

        var pending = analyzer.AnalyzeTextAsync(Headline, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
        Assert.Empty(fallbacks.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AnalyzeAsync_NewsItem_SendsTitleAndSummary_AndAFallbackKeepsTheSourceTags()
    {
        var item = new NewsItem("1", "cryptopanic", Headline, null, Start) { Summary = "Spot ETFs took in $1bn.", Currencies = ["BTC"] };
        var chat = FakeChatClient.Answering("not json");
        using var analyzer = Create(chat);

        var analysis = await analyzer.AnalyzeAsync(item, TestContext.Current.CancellationToken);

        Assert.Equal(Headline + "\n\nSpot ETFs took in $1bn.", Assert.Single(chat.Calls).Messages[1].Text);
        Assert.Equal(NewsAnalysisSource.Fallback, analysis.Source);
        Assert.Equal(["BTC"], analysis.Assets);
    }

    [Fact]
    public async Task AnalyzeAsync_NoChatClient_OrEmptyText_AnswersFromTheScorer_WithoutAsking()
    {
        using var fallbacks = Fallbacks();
        using var withoutClient = Create(null);
        var chat = FakeChatClient.Answering(Good);
        using var withClient = Create(chat);

        Assert.Equal(NewsAnalysisSource.Fallback, (await withoutClient.AnalyzeTextAsync(Headline, TestContext.Current.CancellationToken)).Source);
        Assert.Equal(SentimentLabel.Neutral, (await withClient.AnalyzeTextAsync("  ", TestContext.Current.CancellationToken)).Label);

        Assert.Empty(chat.Calls);
        Assert.Equal(1, Count(fallbacks, "reason", "no_chat_client"));
        Assert.Equal(1, Count(fallbacks, "reason", "empty_input"));
        Assert.Contains(_logger.Collector.GetSnapshot(), r => r.Id.Id == NewsLog.NoChatClientId);
        await Assert.ThrowsAsync<ArgumentNullException>(() => withClient.AnalyzeTextAsync(null!, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentNullException>(() => withClient.AnalyzeAsync(null!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnalyzeTextAsync_ManyAtOnce_KeepsAtMostMaxConcurrencyInFlight()
    {
        var gate = new TaskCompletionSource();
        var chat = new FakeChatClient(async (_, _, _) =>
        {
            await gate.Task;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, Good));
        });
        using var analyzer = Create(chat, new ChatNewsAnalysisOptions { MaxConcurrency = 2 });

        var pending = Enumerable.Range(0, 6).Select(_ => analyzer.AnalyzeTextAsync(Headline, TestContext.Current.CancellationToken)).ToList();
        Assert.Equal(2, chat.Calls.Count);
        gate.SetResult();
        var results = await Task.WhenAll(pending);

        Assert.All(results, r => Assert.Equal(NewsAnalysisSource.Chat, r.Source));
        Assert.Equal(6, chat.Calls.Count);
        Assert.Equal(2, chat.MaxInFlight);
    }
}
