using CryptoIntel.Demo;
using CryptoIntel.Storage;

namespace CryptoIntel.Web.BrowserTests;

/// <summary>
/// Fills a store with two days of the demo market (prices, global figures, Fear &amp; Greed, TVL, DEX pools, templated
/// news with sentiment, entity mentions, signals from the market's events with scored outcomes, source health and
/// quota), written through <see cref="ICryptoIntelStore.WriteAsync"/> as the collection pipeline writes.
/// </summary>
internal static class DemoSeeder
{
    private const int Every = 3; // one stored point every 3 five-minute steps: the worker's 15-minute cadence

    public static async Task SeedAsync(ICryptoIntelStore store, MarketSimulator market, CancellationToken cancellationToken)
    {
        var batch = market.Read(m => Build(m));
        await store.WriteAsync(batch, cancellationToken);
    }

    /// <summary>A signal detected now, as the pipeline would publish it (used to check live updates).</summary>
    public static Signal FreshSignal(MarketSimulator market, int n)
    {
        var (asset, now) = market.Read(m => (m.Assets[n % 10], m.Now));
        var at = now.AddSeconds(n);
        var kind = SignalKind.VolumeSpike;
        return new Signal(Signal.CreateId(kind, asset.Id, "browser-test", "1", at), kind, asset.Id, SignalDirection.Up, 4.2, 0.91, at, "browser-test", "1")
        {
            Asset = new AssetId(asset.Id),
            Evidence = [new SignalEvidence("volume-zscore", 4.2, 3.0)],
            Summary = $"Live test signal #{n}: {asset.Name} volume far above its average",
        };
    }

    private static StorageBatch Build(MarketSimulator m)
    {
        var batch = new StorageBatch();
        var day = m.StepsPerDay;
        var kept = (int)Math.Min(m.StepNow + 1, 576);
        for (var back = kept - 1; back >= 0; back -= 1)
        {
            if (back % Every != 0)
            {
                continue;
            }

            var at = m.TimeOf(m.StepNow - back);
            foreach (var (a, rank) in m.Assets.Take(60).Select((a, i) => (a, i + 1)))
            {
                var price = a.Prices.Back(back);
                batch.Snapshots.Add(new MarketSnapshot(new AssetId(a.Id), "coingecko", at, (decimal)price)
                {
                    Symbol = a.Symbol,
                    Name = a.Name,
                    Rank = rank,
                    MarketCapUsd = (decimal)(price * a.Supply),
                    Volume24hUsd = (decimal)Sum(a.Volumes, back, day),
                    Change24hPercent = 100 * ((price / a.Prices.Back(back + day)) - 1),
                });
            }

            foreach (var p in m.Protocols)
            {
                batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, p.Slug, at, (decimal)p.TvlHistory.Back(back)));
            }

            foreach (var c in m.Chains)
            {
                batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, c.Name, at, (decimal)c.TvlHistory.Back(back)));
            }

            if (back % 12 == 0)
            {
                var total = m.TotalMarketCap.Back(back);
                batch.GlobalMetrics.Add(new GlobalMetrics("coingecko", at)
                {
                    TotalMarketCapUsd = (decimal)total,
                    TotalVolume24hUsd = (decimal)Sum(m.TotalVolume, back, day),
                    BtcDominancePercent = 100 * m.Assets[0].Prices.Back(back) * m.Assets[0].Supply / total,
                    EthDominancePercent = 100 * m.Assets[1].Prices.Back(back) * m.Assets[1].Supply / total,
                    MarketCapChange24hPercent = 100 * ((total / m.TotalMarketCap.Back(back + day)) - 1),
                    ActiveCryptocurrencies = m.Assets.Count,
                });
                var value = (int)Math.Round(m.FearGreedHistory.Back(back));
                batch.FearGreed.Add(new FearGreedReading(at, value, value < 25 ? "Extreme Fear" : value < 46 ? "Fear" : value < 55 ? "Neutral" : value < 76 ? "Greed" : "Extreme Greed"));
            }
        }

        foreach (var p in m.Protocols)
        {
            batch.Protocols.Add(new DefiProtocol(p.Slug, p.Name, m.Now)
            {
                Category = p.Category,
                Chains = p.Chains,
                Symbol = p.TokenAssetId is { } t ? m.Asset(t)?.Symbol.ToUpperInvariant() : null,
                TvlUsd = (decimal)p.Tvl,
                Change1dPercent = 100 * ((p.Tvl / p.TvlHistory.Back(day)) - 1),
                Change7dPercent = 100 * ((p.Tvl / p.TvlHistory.Back(day * 7)) - 1),
            });
        }

        foreach (var pool in m.Pools)
        {
            batch.DexPools.Add(new DexPool(pool.Network, pool.Address, m.Now)
            {
                Name = pool.Base.Symbol.ToUpperInvariant() + " / " + pool.QuoteSymbol,
                Dex = pool.Dex,
                BaseTokenPriceUsd = (decimal)pool.Prices.Back(0),
                ReserveUsd = (decimal)pool.Reserve,
                Volume24hUsd = (decimal)pool.Volumes.SumBack(day),
                PriceChange24hPercent = 100 * ((pool.Prices.Back(0) / pool.Prices.Back(day)) - 1),
                Transactions24h = (int)(pool.Volumes.SumBack(day) / 900),
            });
        }

        AddNews(m, batch);
        AddSignals(m, batch);
        AddOperations(m, batch);
        return batch;
    }

    private static void AddNews(MarketSimulator m, StorageBatch batch)
    {
        var bySymbol = m.Assets.ToDictionary(a => a.Symbol.ToUpperInvariant(), StringComparer.Ordinal);
        foreach (var n in m.NewsNow(300))
        {
            var id = "demo-" + n.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var assets = n.Symbols.Where(bySymbol.ContainsKey).Select(s => bySymbol[s]).ToList();
            // A story: the same asset within the same hour.
            var story = "story-" + (assets.FirstOrDefault()?.Id ?? "market") + "-" + (n.Time.ToUnixTimeSeconds() / 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
            batch.News.Add(new StoredNewsItem(new NewsItem(id, "cryptopanic", n.Title, n.Url, n.Time) { Outlet = n.Outlet, Summary = n.Summary })
            {
                Sentiment = Math.Round(n.Sentiment, 3),
                SentimentLabel = n.Sentiment > 0.15 ? "positive" : n.Sentiment < -0.15 ? "negative" : "neutral",
                StoryId = story,
                Assets = [.. assets.Select(a => new AssetId(a.Id))],
            });
            foreach (var a in assets)
            {
                batch.Mentions.Add(new EntityMention(id, a.Id, a.Name, "coin", n.Time) { Asset = new AssetId(a.Id) });
            }

            foreach (var p in m.Protocols.Where(p => n.Title.Contains(p.Name, StringComparison.Ordinal)))
            {
                batch.Mentions.Add(new EntityMention(id, "protocol:" + p.Slug, p.Name, "protocol", n.Time));
            }

            foreach (var c in m.Chains.Where(c => c.Name.Length > 3 && n.Summary.Contains(" on " + c.Name, StringComparison.Ordinal)))
            {
                batch.Mentions.Add(new EntityMention(id, "chain:" + c.Name.ToLowerInvariant(), c.Name, "chain", n.Time));
            }
        }
    }

    private static void AddSignals(MarketSimulator m, StorageBatch batch)
    {
        var index = 0;
        foreach (var e in m.Events)
        {
            index++;
            var (kind, subject, asset, direction, magnitude) = e.Kind switch
            {
                MarketEventKind.VolumeSpike => (SignalKind.VolumeSpike, e.Subject, (string?)e.Subject, e.Magnitude >= 0 ? SignalDirection.Up : SignalDirection.Down, Math.Abs(e.Magnitude) * 40),
                MarketEventKind.TvlDrain => (SignalKind.TvlChange, e.Subject, m.Protocols.First(p => p.Slug == e.Subject).TokenAssetId, SignalDirection.Down, e.Magnitude * 100),
                MarketEventKind.Depeg => (SignalKind.Depeg, e.Subject, e.Subject, SignalDirection.Down, e.Magnitude * 100),
                MarketEventKind.LiquidityJump => (SignalKind.DexPool, e.Subject, m.Pools.First(p => p.Address == e.Subject).Base.Id, SignalDirection.Up, e.Magnitude),
                _ => (SignalKind.FearGreedRegime, "market", (string?)null, e.Subject == "Bear" ? SignalDirection.Down : e.Subject == "Bull" ? SignalDirection.Up : SignalDirection.Neutral, 1.0),
            };
            var at = e.Time.AddMinutes(5) > m.Now ? m.Now : e.Time.AddMinutes(5);
            var signal = new Signal(Signal.CreateId(kind, subject, "demo-" + kind.Value, "1", at), kind, subject, direction, Math.Round(magnitude, 2), 0.45 + (0.5 * ((index * 37 % 100) / 100.0)), at, "demo-" + kind.Value, "1")
            {
                Asset = asset is null ? (AssetId?)null : new AssetId(asset),
                Evidence = [new SignalEvidence("magnitude", Math.Round(magnitude, 3), 1)],
                Summary = $"{kind.Value.Replace('-', ' ')} on {asset ?? subject}",
            };
            batch.Signals.Add(signal);

            // Scored outcomes where the horizon has passed: the asset's move after the signal, in its direction.
            if (asset is not null && m.Asset(asset) is { } a)
            {
                foreach (var (horizon, steps) in new[] { ("1h", 12), ("4h", 48) })
                {
                    var signalBack = m.StepNow - e.Step - 1;
                    var afterBack = signalBack - steps;
                    if (afterBack < 0)
                    {
                        continue;
                    }

                    var move = 100 * ((a.Prices.Back(afterBack) / a.Prices.Back(signalBack)) - 1);
                    var signed = direction == SignalDirection.Down ? -move : move;
                    batch.Outcomes.Add(new SignalOutcome(signal.Id, horizon, at.AddMinutes(steps * 5), Math.Round(move, 3), signed > 0));
                }
            }
        }
    }

    private static void AddOperations(MarketSimulator m, StorageBatch batch)
    {
        string[] sources = ["coingecko", "coinmarketcap", "defillama", "cryptopanic", "news", "feargreed", "binance", "geckoterminal"];
        for (var cycle = 0; cycle < 12; cycle++)
        {
            var at = m.Now.AddMinutes(-15 * cycle);
            var id = "cycle-" + at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (source, i) in sources.Select((s, i) => (s, i)))
            {
                var failed = source == "coinmarketcap" && cycle % 5 == 2;
                batch.SourceStatuses.Add(new SourceStatus(source, at.AddMilliseconds(i), !failed)
                {
                    CycleId = id,
                    Calls = 1 + (i % 3),
                    DurationMs = 80 + (37 * i) + (cycle * 3),
                    Items = failed ? 0 : 20 + (i * 11),
                    Error = failed ? "HTTP 429 from coinmarketcap" : null,
                    ErrorKind = failed ? "RateLimited" : null,
                });
            }
        }

        batch.QuotaUsage.Add(new QuotaUsage("coingecko", "month", m.Now, 6_240, 10_000));
        batch.QuotaUsage.Add(new QuotaUsage("coinmarketcap", "month", m.Now, 4_160, 10_000));
        batch.QuotaUsage.Add(new QuotaUsage("cryptopanic", "month", m.Now, 2_080, 3_000));
        batch.Cycle = new CycleRecord("cycle-" + m.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), m.Now, 1_850, 7, 8) { NewSignals = 3 };
    }

    private static double Sum(RingSeries series, int from, int steps)
    {
        var sum = 0.0;
        for (var i = 0; i < steps; i++)
        {
            sum += series.Back(from + i);
        }

        return sum;
    }
}
