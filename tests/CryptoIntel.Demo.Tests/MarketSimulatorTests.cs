using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.FearGreed;
using CryptoIntel.Sources.GeckoTerminal;
using Microsoft.Extensions.Time.Testing;

namespace CryptoIntel.Demo.Tests;

public sealed class MarketSimulatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new MarketSimulator(null!, TimeProvider.System));
        Assert.Throws<ArgumentNullException>(() => new MarketSimulator(new DemoMarketOptions(), null!));
        Assert.Throws<ArgumentNullException>(() => new DemoMarketHandler(null!, "coingecko"));
    }

    [Fact]
    public void Market_SameSeedAndClock_IsTheSameStepForStep()
    {
        var a = new MarketSimulator(new DemoMarketOptions { Seed = 7 }, new FakeTimeProvider(Start));
        var b = new MarketSimulator(new DemoMarketOptions { Seed = 7 }, new FakeTimeProvider(Start));
        var c = new MarketSimulator(new DemoMarketOptions { Seed = 8 }, new FakeTimeProvider(Start));

        Assert.Equal(a.Assets.Select(x => x.Price), b.Assets.Select(x => x.Price));
        Assert.Equal(a.News.Select(n => n.Title), b.News.Select(n => n.Title));
        Assert.NotEqual(a.Assets.Select(x => x.Price), c.Assets.Select(x => x.Price));
    }

    [Fact]
    public void Market_ClockAdvances_StepsOncePerInterval()
    {
        var time = new FakeTimeProvider(Start);
        var market = new MarketSimulator(new DemoMarketOptions().Accelerate(), time);
        Assert.Equal(576, market.CurrentStep);
        var before = market.Read(m => m.Assets[0].Price);

        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(576, market.CurrentStep);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(577, market.CurrentStep);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(589, market.CurrentStep);
        Assert.NotEqual(before, market.Read(m => m.Assets[0].Price));
        Assert.Equal(Start + TimeSpan.FromSeconds(65), market.Read(m => m.Now));
    }

    [Fact]
    public void History_IsSpacedByTheStepDuration_BeforeStart()
    {
        var market = new MarketSimulator(new DemoMarketOptions().Accelerate(), new FakeTimeProvider(Start));
        Assert.Equal(Start - TimeSpan.FromMinutes(5 * 576), market.Read(m => m.TimeOf(0)));
        Assert.Equal(Start + TimeSpan.FromSeconds(10), market.Read(m => m.TimeOf(578)));
    }

    [Fact]
    public void Returns_HaveFatTailsAndVolatilityClustering()
    {
        // Long history: 8,000 five-minute steps of Bitcoin.
        var market = new MarketSimulator(new DemoMarketOptions { HistorySteps = 8000, Assets = 20, ScheduleEarlyEvents = false }, new FakeTimeProvider(Start));
        var returns = market.Read(m => Enumerable.Range(0, 7999).Select(back => Math.Log(m.Assets[0].Prices.Back(back) / m.Assets[0].Prices.Back(back + 1))).ToArray());
        var mean = returns.Average();
        var variance = returns.Average(r => (r - mean) * (r - mean));
        var kurtosis = returns.Average(r => Math.Pow(r - mean, 4)) / (variance * variance);
        Assert.True(kurtosis > 3.3, $"kurtosis {kurtosis:0.00}: a normal random walk has 3");

        // Clustering: squared returns are correlated with the previous step's.
        var squares = returns.Select(r => r * r).ToArray();
        var sm = squares.Average();
        var lag = Enumerable.Range(1, squares.Length - 1).Sum(i => (squares[i] - sm) * (squares[i - 1] - sm)) / squares.Sum(s => (s - sm) * (s - sm));
        Assert.True(lag > 0.05, $"lag-1 autocorrelation of squared returns {lag:0.000}");

        var daily = Math.Sqrt(variance * 288) * 100;
        Assert.InRange(daily, 1, 10); // percent a day, as a large asset moves
    }

    [Fact]
    public void Regimes_AllOccur_InALongRun()
    {
        var time = new FakeTimeProvider(Start);
        var market = new MarketSimulator(new DemoMarketOptions { HistorySteps = 0, Assets = 20 }, time);
        var seen = new HashSet<MarketRegime>();
        for (var i = 0; i < 3000; i++)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            seen.Add(market.Regime);
        }

        Assert.Equal(3, seen.Count);
        Assert.Contains(market.Events, e => e.Kind == MarketEventKind.RegimeChange);
    }

    [Fact]
    public async Task EarlyEvents_AppearWithinAMinute_InWhatTheClientsRead()
    {
        using var demo = new DemoServices(o => o.Accelerate());
        var coinGecko = demo.Get<CoinGeckoClient>();
        var llama = demo.Get<DefiLlamaClient>();
        var gecko = demo.Get<GeckoTerminalClient>();
        var marketsBefore = (await coinGecko.GetMarketsAsync(new MarketsQuery { PerPage = 250 }, Token)).ToDictionary(m => m.Id);
        var protocolsBefore = (await llama.GetProtocolsAsync(Token)).ToDictionary(p => p.Slug!);
        var poolsBefore = demo.Market.Read(m => m.Pools.ToDictionary(p => p.Address, p => p.Reserve));

        demo.Step(12); // one accelerated minute
        var events = demo.Market.Events.Where(e => e.Time >= demo.Market.Started).ToList();
        Assert.Equal(
            [MarketEventKind.VolumeSpike, MarketEventKind.LiquidityJump, MarketEventKind.TvlDrain, MarketEventKind.Depeg, MarketEventKind.VolumeSpike],
            events.Where(e => e.Kind != MarketEventKind.RegimeChange).Select(e => e.Kind).Take(5));

        // The first spike: volume up, price moved in its direction, news about it.
        var spike = events.First(e => e.Kind == MarketEventKind.VolumeSpike);
        var after = (await coinGecko.GetMarketsAsync(new MarketsQuery { PerPage = 250 }, Token)).ToDictionary(m => m.Id);
        Assert.True(after[spike.Subject].TotalVolume > marketsBefore[spike.Subject].TotalVolume * 1.3m, $"{spike.Subject} volume {marketsBefore[spike.Subject].TotalVolume} -> {after[spike.Subject].TotalVolume}");
        var symbol = after[spike.Subject].Symbol.ToUpperInvariant();
        Assert.Contains(demo.Market.News, n => n.Symbols.Contains(symbol) && n.Time >= demo.Market.Started);

        // The drain: the protocol's TVL fell.
        var drain = events.First(e => e.Kind == MarketEventKind.TvlDrain);
        var protocolsAfter = (await llama.GetProtocolsAsync(Token)).ToDictionary(p => p.Slug!);
        Assert.True(protocolsAfter[drain.Subject].Tvl < protocolsBefore[drain.Subject].Tvl * 0.85m);

        // The de-peg: the stablecoin trades well below a dollar.
        var depeg = events.First(e => e.Kind == MarketEventKind.Depeg);
        var stable = (await coinGecko.GetMarketsAsync(new MarketsQuery { Ids = [new AssetId(depeg.Subject)] }, Token)).Single();
        Assert.True(stable.CurrentPrice < 0.99m, $"{depeg.Subject} at {stable.CurrentPrice}");

        // The liquidity jump: the pool's reserve multiplied.
        var jump = events.First(e => e.Kind == MarketEventKind.LiquidityJump);
        var pool = (await gecko.GetTrendingPoolsAsync(cancellationToken: Token)).Concat(await gecko.GetTrendingPoolsAsync(page: 2, cancellationToken: Token)).Single(p => p.Address == jump.Subject);
        Assert.True(pool.ReserveUsd > (decimal)poolsBefore[jump.Subject] * 2);
    }

    [Fact]
    public async Task FearGreed_FollowsTheMarket()
    {
        // Over a long run, the index is higher on days the market rose than on days it fell.
        var time = new FakeTimeProvider(Start);
        var market = new MarketSimulator(new DemoMarketOptions { HistorySteps = 8000, Assets = 20 }, time);
        var (up, down) = market.Read(m =>
        {
            var ups = new List<double>();
            var downs = new List<double>();
            for (var back = 0; back < 7000; back += 50)
            {
                var change = m.TotalMarketCap.Back(back) / m.TotalMarketCap.Back(back + 288);
                (change > 1 ? ups : downs).Add(m.FearGreedHistory.Back(back));
            }

            return (ups.Average(), downs.Average());
        });
        Assert.True(up > down + 5, $"after up days {up:0}, after down days {down:0}");

        using var demo = new DemoServices();
        var value = await demo.Get<FearGreedClient>().GetLatestAsync(Token);
        Assert.Equal(demo.Market.FearGreed, value.Value);
    }

    [Fact]
    public void News_IsTemplatedAboutListedAssets_WithSentiment()
    {
        var market = new MarketSimulator(new DemoMarketOptions { HistorySteps = 2000 }, new FakeTimeProvider(Start));
        var news = market.News;
        Assert.True(news.Count >= 300);
        var symbols = market.Read(m => m.Assets.Select(a => a.Symbol.ToUpperInvariant()).ToHashSet());
        Assert.All(news, n => Assert.All(n.Symbols, s => Assert.Contains(s, symbols)));
        Assert.Contains(news, n => n.Sentiment > 0.3);
        Assert.Contains(news, n => n.Sentiment < -0.3);
        Assert.DoesNotContain(news, n => n.Title.Contains('{', StringComparison.Ordinal));
        Assert.Equal(news.OrderByDescending(n => n.Time).Select(n => n.Id).Take(1), news.Take(1).Select(n => n.Id));
    }

    [Fact]
    public async Task AddDemoMarket_WinsOverAReplayDirectory()
    {
        using var demo = new DemoServices(settings: new() { ["CryptoIntel:Sources:ReplayDirectory"] = "/nonexistent/replay" });
        Assert.NotEmpty(await demo.Get<CoinGeckoClient>().GetMarketsAsync(cancellationToken: Token));
    }
}
