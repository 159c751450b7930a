using System.Diagnostics;
using System.Globalization;
using CryptoIntel;
using CryptoIntel.Storage;
using CryptoIntel.Storage.Internal;
using CryptoIntel.Storage.PostgreSql;

// Fills a store with synthetic history for load tests: <days> of <interval>-minute snapshots for <assets> assets
// (random walks), plus global figures, fear & greed, protocols with TVL series, chains, DEX pools, news with stories
// and entity mentions, signals with outcomes, source statuses and cycles, so every read endpoint has data.
// One transaction per simulated day (batched), deterministic (--seed), idempotent (rerunning rewrites the same rows).
const string Usage = """
    CryptoIntel.Storage.Seed: fill a store with synthetic history.

      --sqlite <path>        SQLite file (default: cryptointel-seed.db)
      --postgres <conn>      PostgreSQL connection string instead
      --days <n>             days of history (default 30)
      --assets <n>           assets (default 250)
      --interval <minutes>   snapshot spacing (default 15)
      --end <iso time>       the newest snapshot's time (default: now, rounded down to the interval)
      --seed <n>             random seed (default 42)
    """;

string? sqlite = null, postgres = null;
int days = 30, assets = 250, interval = 15, seed = 42;
DateTimeOffset? end = null;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--sqlite": sqlite = Next(); break;
            case "--postgres": postgres = Next(); break;
            case "--days": days = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--assets": assets = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--interval": interval = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--end": end = DateTimeOffset.Parse(Next(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal); break;
            case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--help" or "-h": Console.WriteLine(Usage); return 0;
            default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }
    }

    if (days is < 1 or > 3650 || assets is < 1 or > 20_000 || interval is < 1 or > 1440)
    {
        throw new ArgumentException("--days 1..3650, --assets 1..20000, --interval 1..1440.");
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    await Console.Error.WriteLineAsync(e.Message + "\n\n" + Usage);
    return 2;
}

StorageProvider provider = postgres is not null ? new PostgreSqlProvider(postgres) : new SqliteProvider(sqlite ?? "cryptointel-seed.db");
var step = TimeSpan.FromMinutes(interval);
var last = end ?? DateTimeOffset.UtcNow;
last = new DateTimeOffset(last.UtcTicks - (last.UtcTicks % step.Ticks), TimeSpan.Zero);
var first = last - TimeSpan.FromDays(days) + step;
await using var store = new SqlStore(provider, new StorageOptions(), TimeProvider.System);
await store.MigrateAsync();

var random = new Random(seed);
var coins = Enumerable.Range(0, assets).Select(i => new Coin(
    i == 0 ? "bitcoin" : i == 1 ? "ethereum" : $"asset-{i:D4}",
    i == 0 ? "BTC" : i == 1 ? "ETH" : $"A{i}",
    i == 0 ? "Bitcoin" : i == 1 ? "Ethereum" : $"Asset {i}",
    Price: i == 0 ? 60_000 : i == 1 ? 3_000 : Math.Round(Math.Exp(random.NextDouble() * 10 - 4), 6),
    Supply: 1e6 * (assets - i + 1) * (0.5 + random.NextDouble()),
    Volatility: 0.002 + random.NextDouble() * 0.01)).ToArray();
var protocols = new[] { "aave", "lido", "uniswap", "makerdao", "curve", "eigenlayer", "raydium", "jito", "pendle", "compound" };
var chains = new[] { "ethereum", "solana", "arbitrum", "base", "bsc", "tron" };
var kinds = new[] { SignalKind.VolumeSpike, SignalKind.PriceMove, SignalKind.TvlChange, SignalKind.SentimentShift, SignalKind.NewsVelocity };
var history = new Dictionary<string, Queue<double>>();

var clock = Stopwatch.StartNew();
long rows = 0, snapshots = 0;
var t = first;
var day = 0;
while (t <= last)
{
    var batch = new StorageBatch();
    var dayEnd = t.AddDays(1);
    for (; t < dayEnd && t <= last; t += step)
    {
        foreach (var c in coins)
        {
            var q = history.TryGetValue(c.Id, out var h) ? h : history[c.Id] = new Queue<double>();
            c.Price *= Math.Exp(c.Volatility * Gaussian(random));
            q.Enqueue(c.Price);
            if (q.Count > (int)(TimeSpan.FromDays(1) / step))
            {
                q.Dequeue();
            }

            var change = (c.Price / q.Peek() - 1) * 100;
            batch.Snapshots.Add(new MarketSnapshot(new AssetId(c.Id), "coingecko", t, (decimal)c.Price)
            {
                Symbol = c.Symbol,
                Name = c.Name,
                MarketCapUsd = (decimal)(c.Price * c.Supply),
                Volume24hUsd = (decimal)(c.Price * c.Supply * (0.02 + random.NextDouble() * 0.1)),
                Change24hPercent = Math.Round(change, 4),
            });
            snapshots++;
        }

        batch.GlobalMetrics.Add(new GlobalMetrics("coingecko", t)
        {
            TotalMarketCapUsd = (decimal)coins.Sum(c => c.Price * c.Supply),
            BtcDominancePercent = 50 + random.NextDouble() * 5,
            EthDominancePercent = 15 + random.NextDouble() * 3,
            ActiveCryptocurrencies = 12_000 + random.Next(100),
        });
        foreach (var (slug, i) in protocols.Select((s, i) => (s, i)))
        {
            batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, slug, t, (decimal)(1e9 * (protocols.Length - i) * (1 + 0.02 * Math.Sin(t.UtcTicks / 1e12 + i)))));
        }

        foreach (var (chain, i) in chains.Select((s, i) => (s, i)))
        {
            batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, chain, t, (decimal)(5e9 * (chains.Length - i) * (1 + 0.03 * Math.Cos(t.UtcTicks / 1e12 + i)))));
        }

        for (var p = 0; p < 20; p++)
        {
            batch.DexPools.Add(new DexPool(p % 2 == 0 ? "eth" : "solana", $"0xpool{p:D2}", t) { Name = $"TOKEN{p} / USDC", Dex = p % 2 == 0 ? "uniswap_v3" : "raydium", Volume24hUsd = (decimal)(1e6 * (1 + random.NextDouble() * 20)), ReserveUsd = (decimal)(1e7 * (p + 1)), PriceChange24hPercent = Gaussian(random) * 5 });
        }

        if (t.Minute == 0)
        {
            // Hourly: news (a story every third item), mentions, a signal or two, source statuses, a cycle.
            for (var n = 0; n < 4; n++)
            {
                var c = coins[random.Next(Math.Min(50, coins.Length))];
                var id = $"news-{t.UtcTicks}-{n}";
                var at = t.AddMinutes(-n * 7);
                var item = new NewsItem(id, "cryptopanic", $"{c.Name} {(random.Next(2) == 0 ? "rallies" : "slides")} as traders eye {c.Symbol} flows", new Uri($"https://news.example/{id}"), at) { Outlet = $"outlet{n}" };
                batch.News.Add(new StoredNewsItem(item) { Sentiment = Math.Round(Gaussian(random) / 2, 3), StoryId = n % 3 == 0 ? $"story-{t.UtcTicks}" : null, Assets = [new AssetId(c.Id)] });
                batch.Mentions.Add(new EntityMention(id, "coin:" + c.Id, c.Name, "coin", at) { Asset = new AssetId(c.Id) });
                batch.Mentions.Add(new EntityMention(id, "exchange:" + (n % 2 == 0 ? "binance" : "coinbase"), n % 2 == 0 ? "Binance" : "Coinbase", "exchange", at));
            }

            var sc = coins[random.Next(Math.Min(50, coins.Length))];
            var kind = kinds[random.Next(kinds.Length)];
            var signal = new Signal(Signal.CreateId(kind, sc.Id, "seed", "1", t), kind, sc.Id, random.Next(2) == 0 ? SignalDirection.Up : SignalDirection.Down, Math.Round(random.NextDouble() * 10, 2), Math.Round(0.4 + random.NextDouble() * 0.6, 3), t, "seed", "1")
            {
                Asset = new AssetId(sc.Id),
                Evidence = [new SignalEvidence("zscore", Math.Round(2 + random.NextDouble() * 3, 2), 2.5)],
                Summary = $"{kind} on {sc.Symbol}",
            };
            batch.Signals.Add(signal);
            if (t < last.AddDays(-1))
            {
                batch.Outcomes.Add(new SignalOutcome(signal.Id, "24h", t.AddDays(1), Math.Round(Gaussian(random) * 3, 3), random.NextDouble() < 0.58));
            }

            foreach (var source in new[] { "coingecko", "coinmarketcap", "defillama", "cryptopanic", "feargreed", "kraken", "binance", "geckoterminal", "news" })
            {
                var ok = random.NextDouble() > 0.03;
                batch.SourceStatuses.Add(new SourceStatus(source, t, ok) { CycleId = $"cycle-{t.UtcTicks}", Calls = 2, DurationMs = random.Next(50, 900), Items = ok ? 100 : 0, Error = ok ? null : "simulated outage", ErrorKind = ok ? null : "Server" });
            }

            batch.Cycle = new CycleRecord($"cycle-{t.UtcTicks}", t, random.Next(800, 3000), 9, 9) { Counts = new Dictionary<string, int> { ["snapshots"] = coins.Length } };
        }
    }

    var dayStart = dayEnd.AddDays(-1);
    batch.FearGreed.Add(new FearGreedReading(dayStart, 20 + random.Next(60), "Neutral"));
    foreach (var (slug, i) in protocols.Select((s, i) => (s, i)))
    {
        batch.Protocols.Add(new DefiProtocol(slug, char.ToUpperInvariant(slug[0]) + slug[1..], dayStart) { Category = i % 3 == 0 ? "Lending" : i % 3 == 1 ? "Liquid Staking" : "Dexs", Chains = [chains[i % chains.Length], chains[(i + 1) % chains.Length]], TvlUsd = (decimal)(1e9 * (protocols.Length - i)), Change1dPercent = Math.Round(Gaussian(random) * 2, 3), Change7dPercent = Math.Round(Gaussian(random) * 5, 3) });
    }

    batch.QuotaUsage.Add(new QuotaUsage("coingecko", dayStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), dayStart, 96 * 3 * (dayStart.Day), 10_000));
    var result = await store.WriteAsync(batch);
    rows += result.Rows;
    day++;
    Console.Error.Write($"\rday {day}/{days}: {snapshots:N0} snapshots, {rows:N0} rows, {clock.Elapsed.TotalSeconds:F1} s ({rows / Math.Max(0.001, clock.Elapsed.TotalSeconds):N0} rows/s)   ");
}

Console.Error.WriteLine();
Console.WriteLine($"seeded {snapshots:N0} snapshots ({assets} assets x {days} days every {interval} min, {first:u} .. {last:u}), {rows:N0} rows written in {clock.Elapsed.TotalSeconds:F1} s into {provider.Name}");
return 0;

static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

internal sealed class Coin(string id, string symbol, string name, double Price, double Supply, double Volatility)
{
    public string Id { get; } = id;

    public string Symbol { get; } = symbol;

    public string Name { get; } = name;

    public double Price { get; set; } = Price;

    public double Supply { get; } = Supply;

    public double Volatility { get; } = Volatility;
}
