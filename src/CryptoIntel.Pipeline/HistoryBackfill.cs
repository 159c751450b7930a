using CryptoIntel.Sources;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Pipeline;

/// <summary>How far a backfill has come.</summary>
/// <param name="Stage">What is being loaded: <c>coingecko</c> (market charts), <c>defillama-protocols</c> or <c>defillama-chains</c> (TVL).</param>
/// <param name="Done">Items finished in this stage.</param>
/// <param name="Total">Items in this stage.</param>
/// <param name="Item">The item just finished (an asset, protocol or chain).</param>
/// <param name="Rows">Rows stored for it.</param>
/// <param name="Error">Why it failed, when it did (the backfill goes on with the next item).</param>
public sealed record BackfillProgress(string Stage, int Done, int Total, string Item, int Rows, string? Error = null);

/// <summary>
/// Loads history into the store: CoinGecko market charts of the largest assets, DeFi Llama TVL of the largest
/// protocols and chains. One transaction per item, idempotent (rerunning rewrites the same rows), within the clients'
/// budgets (their rate limiters pace the calls). A failing item is reported and skipped.
/// </summary>
public sealed class HistoryBackfill
{
    private readonly ICryptoIntelStore _store;
    private readonly CoinGeckoClient? _coinGecko;
    private readonly DefiLlamaClient? _defiLlama;

    /// <summary>Initializes a new instance of the <see cref="HistoryBackfill"/> class from the container.</summary>
    /// <param name="services">The services: the store, and the CoinGecko and DeFi Llama clients when registered.</param>
    public HistoryBackfill(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _store = services.GetRequiredService<ICryptoIntelStore>();
        _coinGecko = services.GetService<CoinGeckoClient>();
        _defiLlama = services.GetService<DefiLlamaClient>();
    }

    /// <summary>Runs the backfill.</summary>
    /// <param name="days">Days of history (1 to 365).</param>
    /// <param name="assets">How many of the largest assets get a market chart (0 to 250).</param>
    /// <param name="protocols">How many of the largest protocols get a TVL history (0 to 500).</param>
    /// <param name="chains">How many of the largest chains get a TVL history (0 to 100).</param>
    /// <param name="progress">Told after every item.</param>
    /// <param name="cancellationToken">Cancels the backfill (finished items stay stored).</param>
    /// <returns>The rows stored.</returns>
    public async Task<int> RunAsync(int days, int assets = 20, int protocols = 20, int chains = 10, IProgress<BackfillProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 365);
        ArgumentOutOfRangeException.ThrowIfNegative(assets);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(assets, 250);
        ArgumentOutOfRangeException.ThrowIfNegative(protocols);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(protocols, 500);
        ArgumentOutOfRangeException.ThrowIfNegative(chains);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chains, 100);
        var rows = 0;
        if (_coinGecko is not null && assets > 0)
        {
            var markets = await _coinGecko.GetMarketsAsync(new MarketsQuery { PerPage = Math.Max(assets, 1) }, cancellationToken).ConfigureAwait(false);
            var list = markets.Take(assets).ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var m = list[i];
                rows += await ItemAsync("coingecko", i, list.Count, m.Id, progress, async () =>
                {
                    var chart = await _coinGecko.GetMarketChartAsync(new AssetId(m.Id), FiatCurrency.Usd, days, cancellationToken).ConfigureAwait(false);
                    var caps = chart.MarketCaps.ToDictionary(v => v.Timestamp, v => v.Value);
                    var volumes = chart.TotalVolumes.ToDictionary(v => v.Timestamp, v => v.Value);
                    var batch = new StorageBatch();
                    foreach (var p in chart.Prices.DistinctBy(p => p.Timestamp))
                    {
                        batch.Snapshots.Add(new MarketSnapshot(new AssetId(m.Id), CoinGeckoClient.ProviderName, p.Timestamp, p.Value)
                        {
                            Symbol = m.Symbol.ToUpperInvariant(),
                            Name = m.Name,
                            MarketCapUsd = caps.TryGetValue(p.Timestamp, out var cap) ? cap : null,
                            Volume24hUsd = volumes.TryGetValue(p.Timestamp, out var volume) ? volume : null,
                        });
                    }

                    return batch;
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        if (_defiLlama is not null && (protocols > 0 || chains > 0))
        {
            var since = DateTimeOffset.UtcNow.AddDays(-days);
            var all = await _defiLlama.GetProtocolsAsync(cancellationToken).ConfigureAwait(false);
            var largest = all.Where(p => p.Tvl is > 0 && !string.IsNullOrWhiteSpace(p.Slug)).OrderByDescending(p => p.Tvl).Take(protocols).ToList();
            for (var i = 0; i < largest.Count; i++)
            {
                var slug = largest[i].Slug!;
                rows += await ItemAsync("defillama-protocols", i, largest.Count, slug, progress, async () =>
                {
                    var detail = await _defiLlama.GetProtocolAsync(slug, cancellationToken).ConfigureAwait(false);
                    var batch = new StorageBatch();
                    foreach (var p in detail.Tvl.Where(p => p.Date >= since).DistinctBy(p => p.Date))
                    {
                        batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Protocol, slug, p.Date, p.Value));
                    }

                    return batch;
                }, cancellationToken).ConfigureAwait(false);
            }

            if (chains > 0)
            {
                var chainList = (await _defiLlama.GetChainsAsync(cancellationToken).ConfigureAwait(false))
                    .Where(c => c.Tvl is > 0 && !string.IsNullOrWhiteSpace(c.Name)).OrderByDescending(c => c.Tvl).Take(chains).ToList();
                for (var i = 0; i < chainList.Count; i++)
                {
                    var name = chainList[i].Name;
                    rows += await ItemAsync("defillama-chains", i, chainList.Count, name, progress, async () =>
                    {
                        var points = await _defiLlama.GetHistoricalChainTvlAsync(name, cancellationToken).ConfigureAwait(false);
                        var batch = new StorageBatch();
                        foreach (var p in points.Where(p => p.Date >= since).DistinctBy(p => p.Date))
                        {
                            batch.Tvl.Add(new TvlPoint(TvlSeriesKind.Chain, name, p.Date, p.Value));
                        }

                        return batch;
                    }, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return rows;
    }

    private async Task<int> ItemAsync(string stage, int index, int total, string item, IProgress<BackfillProgress>? progress, Func<Task<StorageBatch>> load, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await load().ConfigureAwait(false);
            var result = await _store.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            progress?.Report(new BackfillProgress(stage, index + 1, total, item, result.Rows));
            return result.Rows;
        }
        catch (SourceRequestException e)
        {
            progress?.Report(new BackfillProgress(stage, index + 1, total, item, 0, e.Message));
            return 0;
        }
    }
}
