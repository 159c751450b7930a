using System.Globalization;

namespace CryptoIntel.Demo;

/// <summary>
/// A simulated crypto market, stepped on a <see cref="TimeProvider"/>: prices follow a geometric random walk whose
/// volatility clusters (GARCH(1,1) on a market factor and on each asset) under Markov regimes (bull, bear, chop);
/// events (volume spikes with sharp moves, protocol TVL drains, stablecoin de-pegs, DEX liquidity jumps) strike at
/// random and, when asked, early after start; Fear &amp; Greed follows the market; templated news comes in bursts
/// about the assets involved. The same seed and clock give the same market. Thread-safe.
/// </summary>
public sealed class MarketSimulator
{
    private const double Alpha = 0.08;
    private const double Beta = 0.90;
    private const double MarketSigma = 0.0014;
    private const int MaxKept = 400;

    private readonly Lock _lock = new();
    private readonly Random _rng;
    private readonly TimeProvider _time;
    private readonly List<MarketEvent> _events = [];
    private readonly List<DemoNews> _news = [];
    private readonly List<(long Due, DemoNews News)> _pendingNews = [];
    private readonly Dictionary<string, SimAsset> _byId;
    private readonly int _history;
    private long _step = -1;
    private long _newsId = 1_000_000;
    private double _marketVariance = MarketSigma * MarketSigma;
    private double _fearGreed = 50;

    /// <summary>Creates a simulator and generates its history.</summary>
    /// <param name="options">The settings.</param>
    /// <param name="timeProvider">The clock that steps the market.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    public MarketSimulator(DemoMarketOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Options = options;
        _time = timeProvider;
        _rng = new Random(options.Seed);
        var now = timeProvider.GetUtcNow();
        Started = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        _history = options.HistorySteps;
        StepsPerDay = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / options.StepDuration));
        Assets = Universe.Assets(options.Assets, _rng, Started);
        _byId = Assets.ToDictionary(a => a.Id, StringComparer.Ordinal);
        Protocols = Universe.Protocols(_rng);
        Chains = Universe.Chains();
        Pools = Universe.Pools(Assets, _rng, Started);
        lock (_lock)
        {
            AdvanceTo(_history);
        }
    }

    /// <summary>Gets the settings.</summary>
    public DemoMarketOptions Options { get; }

    /// <summary>Gets when the simulator started (the step at index <see cref="DemoMarketOptions.HistorySteps"/>).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>Gets the current step (advancing the market to the clock first).</summary>
    public long CurrentStep => Read(_ => _step);

    /// <summary>Gets the current regime.</summary>
    public MarketRegime Regime => Read(_ => RegimeNow);

    /// <summary>Gets the latest Fear &amp; Greed value (0 to 100).</summary>
    public int FearGreed => Read(_ => FearGreedNow);

    /// <summary>Gets the latest events, oldest first.</summary>
    public IReadOnlyList<MarketEvent> Events => Read(_ => (IReadOnlyList<MarketEvent>)[.. _events]);

    /// <summary>Gets the latest news, newest first.</summary>
    public IReadOnlyList<DemoNews> News => Read(_ => NewsNow(int.MaxValue));

    internal int StepsPerDay { get; }

    internal List<SimAsset> Assets { get; }

    internal List<SimProtocol> Protocols { get; }

    internal List<SimChain> Chains { get; }

    internal List<SimPool> Pools { get; }

    internal RingSeries TotalMarketCap { get; } = new();

    internal RingSeries TotalVolume { get; } = new();

    internal RingSeries FearGreedHistory { get; } = new();

    internal MarketRegime RegimeNow { get; private set; } = MarketRegime.Chop;

    internal int FearGreedNow => (int)Math.Round(_fearGreed);

    internal long StepNow => _step;

    internal DateTimeOffset Now => TimeOf(_step);

    /// <summary>Gets the time of step <paramref name="step"/>: history is spaced by the step duration, live steps by the step interval.</summary>
    internal DateTimeOffset TimeOf(long step) => step <= _history
        ? Started - (Options.StepDuration * (_history - step))
        : Started + (Options.StepInterval * (step - _history));

    internal SimAsset? Asset(string id) => _byId.GetValueOrDefault(id);

    internal IReadOnlyList<DemoNews> NewsNow(int count) => [.. _news.OrderByDescending(n => n.Time).ThenByDescending(n => n.Id).Take(count)];

    /// <summary>Advances the market to the clock and reads it under the lock.</summary>
    internal T Read<T>(Func<MarketSimulator, T> read)
    {
        lock (_lock)
        {
            var elapsed = _time.GetUtcNow() - Started;
            var target = _history + (elapsed <= TimeSpan.Zero ? 0 : (long)(elapsed / Options.StepInterval));
            AdvanceTo(Math.Min(target, _step + 100_000));
            return read(this);
        }
    }

    private void AdvanceTo(long target)
    {
        while (_step < target)
        {
            StepOnce();
        }
    }

    /// <summary>How long before its step an item was published: within the step, so never before the event it reports.</summary>
    private TimeSpan Jitter() => (_step <= _history ? Options.StepDuration : Options.StepInterval) * (_rng.NextDouble() * 0.9);

    private double Gauss()
    {
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private void StepOnce()
    {
        _step++;
        var time = TimeOf(_step);
        if (_step > 0 && _rng.NextDouble() < 1.0 / 180)
        {
            SwitchRegime(time);
        }

        ScheduledEvents(time);
        RandomEvents(time);

        // The market factor: drift by regime, GARCH(1,1) volatility that clusters.
        var (drift, volScale) = RegimeNow switch
        {
            MarketRegime.Bull => (0.00010, 1.0),
            MarketRegime.Bear => (-0.00012, 1.35),
            _ => (0.0, 0.75),
        };
        var marketShock = Math.Sqrt(_marketVariance) * Gauss();
        _marketVariance = (MarketSigma * MarketSigma * (1 - Alpha - Beta)) + (Alpha * marketShock * marketShock) + (Beta * _marketVariance);
        var market = drift + (marketShock * volScale);

        double totalCap = 0, totalVolume = 0;
        foreach (var asset in Assets)
        {
            double r;
            if (asset.IsStable)
            {
                asset.DepegTarget *= 0.97;
                asset.PegDeviation = (0.8 * asset.PegDeviation) + (0.2 * asset.DepegTarget) + (0.0002 * Gauss());
                var price = 1 + asset.PegDeviation;
                r = Math.Log(price / asset.Price);
                asset.Price = price;
            }
            else
            {
                var shock = Math.Sqrt(asset.Variance) * Gauss();
                asset.Variance = (asset.Sigma * asset.Sigma * (1 - Alpha - Beta)) + (Alpha * shock * shock) + (Beta * asset.Variance);
                r = (asset.Beta * market) + shock + asset.Shock;
                asset.Shock *= 0.75;
                asset.Price *= Math.Exp(r);
            }

            asset.Ath = Math.Max(asset.Ath, asset.Price);
            asset.Atl = Math.Min(asset.Atl, asset.Price);
            asset.SpikeMultiple = 1 + ((asset.SpikeMultiple - 1) * 0.97);
            var baseVolume = asset.MarketCap * asset.BaseVolumeShare / StepsPerDay;
            var volume = baseVolume * Math.Exp(0.3 * Gauss()) * (1 + (30 * Math.Abs(r))) * asset.SpikeMultiple;
            asset.Prices.Add(asset.Price);
            asset.Volumes.Add(volume);
            totalCap += asset.MarketCap;
            totalVolume += volume;
        }

        TotalMarketCap.Add(totalCap);
        TotalVolume.Add(totalVolume);

        foreach (var protocol in Protocols)
        {
            var change = (0.5 * market) + (0.0012 * Gauss());
            if (protocol.DrainSteps > 0)
            {
                protocol.Tvl *= 1 - protocol.DrainRate;
                protocol.DrainSteps--;
            }

            protocol.Tvl *= Math.Exp(change);
            protocol.TvlHistory.Add(protocol.Tvl);
        }

        foreach (var chain in Chains)
        {
            chain.OtherTvl *= Math.Exp((0.5 * market) + (0.001 * Gauss()));
            chain.Tvl = chain.OtherTvl + Protocols.Sum(p => Array.IndexOf(p.Chains, chain.Name) is var i and >= 0 ? p.Tvl * p.ChainShares[i] : 0);
            chain.TvlHistory.Add(chain.Tvl);
        }

        foreach (var pool in Pools)
        {
            var r = Math.Log(pool.Base.Prices.Back(0) / Math.Max(pool.Base.Prices.Back(1), 1e-18));
            pool.Reserve *= Math.Exp((0.5 * r) + (0.004 * Gauss()));
            pool.VolumeMultiple = 1 + ((pool.VolumeMultiple - 1) * 0.95);
            pool.Prices.Add(pool.Base.Price * (1 + (0.002 * Gauss())));
            pool.Volumes.Add(pool.BaseVolume / StepsPerDay * Math.Exp(0.4 * Gauss()) * (1 + (40 * Math.Abs(r))) * pool.VolumeMultiple);
        }

        // Fear & Greed follows the market's day change, its volatility and the regime, smoothed.
        var dayChange = 100 * ((TotalMarketCap.Back(0) / TotalMarketCap.Back(StepsPerDay)) - 1);
        var excessVolatility = (Math.Sqrt(_marketVariance) - MarketSigma) / MarketSigma;
        var bias = RegimeNow switch { MarketRegime.Bull => 10, MarketRegime.Bear => -12, _ => 0 };
        var target = Math.Clamp(50 + (4 * dayChange) + bias - (10 * excessVolatility), 5, 95);
        _fearGreed = Math.Clamp(_fearGreed + (0.06 * (target - _fearGreed)), 1, 99);
        FearGreedHistory.Add(_fearGreed);

        BackgroundNews(time);
        for (var i = _pendingNews.Count - 1; i >= 0; i--)
        {
            if (_pendingNews[i].Due <= _step)
            {
                AddNews(_pendingNews[i].News with { Time = time - Jitter() });
                _pendingNews.RemoveAt(i);
            }
        }
    }

    private void ScheduledEvents(DateTimeOffset time)
    {
        if (!Options.ScheduleEarlyEvents || _step <= _history)
        {
            return;
        }

        var tradable = Assets.Where(a => !a.IsStable).ToList();
        switch (_step - _history)
        {
            case 2:
                VolumeSpike(time, tradable[5 + (Options.Seed & 7)], up: true);
                break;
            case 4:
                LiquidityJump(time, Pools[Options.Seed % Pools.Count]);
                break;
            case 6:
                TvlDrain(time, Protocols[1 + (Options.Seed % (Protocols.Count - 1))]);
                break;
            case 8:
                Depeg(time, Assets.Where(a => a.IsStable).Skip(1).First());
                break;
            case 10:
                VolumeSpike(time, tradable[14 + (Options.Seed % 9)], up: false);
                break;
            default:
                break;
        }
    }

    private void RandomEvents(DateTimeOffset time)
    {
        if (_step < 10)
        {
            return;
        }

        if (_rng.NextDouble() < 1.0 / 30)
        {
            var tradable = Assets.Where(a => !a.IsStable).ToList();
            VolumeSpike(time, tradable[(int)Math.Min(tradable.Count - 1, Math.Abs(Gauss()) * 25)], up: _rng.NextDouble() < (RegimeNow == MarketRegime.Bear ? 0.35 : 0.6));
        }

        if (_rng.NextDouble() < 1.0 / 40)
        {
            LiquidityJump(time, Pools[_rng.Next(Pools.Count)]);
        }

        if (_rng.NextDouble() < 1.0 / 200)
        {
            TvlDrain(time, Protocols[_rng.Next(Protocols.Count)]);
        }

        if (_rng.NextDouble() < 1.0 / 400)
        {
            var stables = Assets.Where(a => a.IsStable).ToList();
            Depeg(time, stables[_rng.Next(stables.Count)]);
        }
    }

    private void SwitchRegime(DateTimeOffset time)
    {
        var next = (MarketRegime)((((int)RegimeNow) + 1 + _rng.Next(2)) % 3);
        RegimeNow = next;
        Record(time, MarketEventKind.RegimeChange, next.ToString(), 0);
        var templates = next switch
        {
            MarketRegime.Bull => NewsTemplates.BullRegime,
            MarketRegime.Bear => NewsTemplates.BearRegime,
            _ => NewsTemplates.ChopRegime,
        };
        var sentiment = next switch { MarketRegime.Bull => 0.7, MarketRegime.Bear => -0.7, _ => 0 };
        Burst(templates, Assets[0], 1 + _rng.Next(2), sentiment, extra: ["ETH"]);
    }

    private void VolumeSpike(DateTimeOffset time, SimAsset asset, bool up)
    {
        var move = (0.06 + (_rng.NextDouble() * 0.12)) * (up ? 1 : -1);
        var multiple = 6 + (_rng.NextDouble() * 6);
        asset.Shock += Math.Log(1 + move) * 0.25;
        asset.SpikeMultiple = multiple;
        Record(time, MarketEventKind.VolumeSpike, asset.Id, move);
        var values = Values(asset, pct: Math.Abs(move) * 100, mult: multiple);
        Burst(NewsTemplates.VolumeSpike, asset, 1, up ? 0.6 : -0.6, values, due: 1);
        Burst(up ? NewsTemplates.Rally : NewsTemplates.Slump, asset, 2 + _rng.Next(2), up ? 0.7 : -0.7, values, due: 2);
    }

    private void TvlDrain(DateTimeOffset time, SimProtocol protocol)
    {
        var total = 0.25 + (_rng.NextDouble() * 0.2);
        protocol.DrainSteps = 8;
        protocol.DrainRate = 1 - Math.Pow(1 - total, 1.0 / 8);
        Record(time, MarketEventKind.TvlDrain, protocol.Slug, total);
        var token = protocol.TokenAssetId is { } id ? Asset(id) : null;
        if (token is not null)
        {
            token.Shock += Math.Log(0.9) * 0.25;
            token.SpikeMultiple = 4;
        }

        var values = new Dictionary<string, string>
        {
            ["{protocol}"] = protocol.Name,
            ["{chain}"] = protocol.Chains[0],
            ["{pct}"] = (total * 100).ToString("0", CultureInfo.InvariantCulture),
        };
        // News without a token of its own is tagged with the home chain's token.
        var chainToken = Chains.FirstOrDefault(c => c.Name == protocol.Chains[0])?.TokenSymbol ?? "ETH";
        var subject = token ?? Assets.FirstOrDefault(a => string.Equals(a.Symbol, chainToken, StringComparison.OrdinalIgnoreCase)) ?? Assets[1];
        Burst(NewsTemplates.TvlDrain, subject, 3, -0.8, values, due: 1);
    }

    private void Depeg(DateTimeOffset time, SimAsset stable)
    {
        var depth = 0.03 + (_rng.NextDouble() * 0.05);
        stable.DepegTarget = -depth * 1.6;
        stable.SpikeMultiple = 5;
        Record(time, MarketEventKind.Depeg, stable.Id, depth);
        var values = Values(stable, 0, 0);
        values["{price}"] = "$" + (1 - depth).ToString("0.000", CultureInfo.InvariantCulture);
        Burst(NewsTemplates.Depeg, stable, 3, -0.9, values, due: 1);
    }

    private void LiquidityJump(DateTimeOffset time, SimPool pool)
    {
        var multiple = 3 + (_rng.NextDouble() * 3);
        pool.Reserve *= multiple;
        pool.VolumeMultiple = 5;
        Record(time, MarketEventKind.LiquidityJump, pool.Address, multiple);
        var values = Values(pool.Base, 0, multiple);
        values["{pair}"] = pool.Base.Symbol.ToUpperInvariant() + "/" + pool.QuoteSymbol;
        values["{dex}"] = pool.Dex;
        Burst(NewsTemplates.LiquidityJump, pool.Base, 1, 0.3, values, due: 1);
    }

    private void BackgroundNews(DateTimeOffset time)
    {
        if (_rng.NextDouble() > 0.5)
        {
            return;
        }

        // Bigger assets get more coverage.
        var index = (int)Math.Min(Assets.Count - 1, Math.Abs(Gauss()) * 15);
        var asset = Assets[index];
        var change = 100 * ((asset.Prices.Back(0) / asset.Prices.Back(StepsPerDay)) - 1);
        var (templates, sentiment) = asset.IsStable ? (NewsTemplates.Quiet, 0.0)
            : change > 4 ? (NewsTemplates.Rally, 0.6)
            : change < -4 ? (NewsTemplates.Slump, -0.6)
            : (NewsTemplates.Quiet, 0.1);
        var (title, summary) = templates[_rng.Next(templates.Length)];
        var values = Values(asset, Math.Abs(change), 0);
        AddNews(new DemoNews(++_newsId, time - Jitter(), Universe.Outlets[_rng.Next(Universe.Outlets.Length)], Fill(title, values), Fill(summary, values), [asset.Symbol.ToUpperInvariant()], sentiment));
    }

    private static Dictionary<string, string> Values(SimAsset asset, double pct, double mult) => new()
    {
        ["{name}"] = asset.Name,
        ["{SYM}"] = asset.Symbol.ToUpperInvariant(),
        ["{pct}"] = pct.ToString(pct < 10 ? "0.0" : "0", CultureInfo.InvariantCulture),
        ["{mult}"] = mult.ToString("0", CultureInfo.InvariantCulture),
    };

    private void Burst((string Title, string Summary)[] templates, SimAsset asset, int count, double sentiment, Dictionary<string, string>? values = null, int due = 1, string[]? extra = null)
    {
        values ??= Values(asset, 0, 0);
        var used = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            var pick = _rng.Next(templates.Length);
            if (!used.Add(pick) && used.Count < templates.Length)
            {
                i--;
                continue;
            }

            var (title, summary) = templates[pick];
            string[] tickers = [asset.Symbol.ToUpperInvariant(), .. extra ?? []];
            var news = new DemoNews(++_newsId, default, Universe.Outlets[_rng.Next(Universe.Outlets.Length)], Fill(title, values), Fill(summary, values), tickers, Math.Clamp(sentiment + (0.15 * Gauss()), -1, 1));
            _pendingNews.Add((_step + due + (i / 2), news));
        }
    }

    private static string Fill(string template, Dictionary<string, string> values)
    {
        foreach (var (key, value) in values)
        {
            template = template.Replace(key, value, StringComparison.Ordinal);
        }

        return template;
    }

    private void AddNews(DemoNews news)
    {
        _news.Add(news);
        if (_news.Count > MaxKept)
        {
            _news.RemoveRange(0, _news.Count - MaxKept);
        }
    }

    private void Record(DateTimeOffset time, MarketEventKind kind, string subject, double magnitude)
    {
        _events.Add(new MarketEvent(_step, time, kind, subject, magnitude));
        if (_events.Count > MaxKept)
        {
            _events.RemoveRange(0, _events.Count - MaxKept);
        }
    }
}
