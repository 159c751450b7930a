using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using CryptoIntel.Signals;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CryptoIntel.Pipeline.Internal;

/// <summary>
/// Lights the pipeline's detector step up with CryptoIntel.Signals when <c>AddSignals()</c> is registered: one long-lived
/// <see cref="SignalPipeline"/> subscription is fed each cycle's rows in data-time order, so detector state (baselines,
/// warm-up, cool-downs) carries over from cycle to cycle; news without a sentiment is scored on the way. Without
/// <c>AddSignals()</c> it finds nothing. The detectors keep errors inside the Rx chain; should the stream still end
/// with one, the cycle that saw it fails its detector step with that error (logged and counted by the cycle) and the
/// next cycle runs on a fresh subscription (detector state starts over) instead of finding nothing for ever.
/// </summary>
internal sealed class SignalsCycleDetector : ICycleSignalDetector, IDisposable
{
    /// <summary>Headlines scored per <see cref="ISentimentScorer.ScoreBatch"/> call.</summary>
    private const int ScoreChunk = 256;

    private readonly Lock _gate = new();
    private readonly Subject<MarketTick> _market = new();
    private readonly Subject<TvlObservation> _tvl = new();
    private readonly Subject<SentimentObservation> _sentiment = new();
    private readonly Subject<MentionObservation> _mentions = new();
    private readonly Subject<FearGreedObservation> _fearGreed = new();
    private readonly Subject<PoolObservation> _pools = new();
    private readonly List<Signal> _found = [];
    private readonly ISignalScoring? _scoring;
    private readonly ISentimentScorer? _sentimentScorer;
    private readonly SignalPipeline? _pipeline;
    private readonly SignalInputs? _inputs;
    private IDisposable? _subscription;
    private Exception? _failure;

    public SignalsCycleDetector(IServiceProvider services)
    {
        _pipeline = services.GetService<SignalPipeline>();
        _scoring = services.GetService<ISignalScoring>();
        _sentimentScorer = services.GetService<ISentimentScorer>();
        if (_pipeline is null)
        {
            return;
        }

        _inputs = new SignalInputs
        {
            Market = _market,
            Tvl = _tvl,
            Sentiment = _sentiment,
            Mentions = _mentions,
            FearGreed = _fearGreed,
            Pools = _pools,
        };

        Subscribe();
    }

    public string Name => "signals";

    public ValueTask<IReadOnlyList<Signal>> DetectAsync(CollectionContext cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (_subscription is null)
        {
            return ValueTask.FromResult<IReadOnlyList<Signal>>([]);
        }

        var batch = cycle.Batch;
        lock (_gate)
        {
            ScoreNews(batch, cancellationToken);

            foreach (var s in batch.Snapshots.OrderBy(s => s.Timestamp))
            {
                var tick = new MarketTick(s.Asset, s.Source, s.Timestamp, (double)s.PriceUsd, (double)(s.Volume24hUsd ?? 0m));
                _scoring?.Observe(tick);
                _market.OnNext(tick);
            }

            foreach (var t in batch.Tvl.Where(t => !string.IsNullOrWhiteSpace(t.Subject)).OrderBy(t => t.Timestamp))
            {
                var observation = new TvlObservation(
                    t.Kind == TvlSeriesKind.Chain ? TvlObservation.ChainSubject(t.Subject) : TvlObservation.ProtocolSubject(t.Subject), t.Timestamp, (double)t.TvlUsd);
                _scoring?.Observe(observation);
                _tvl.OnNext(observation);
            }

            foreach (var f in batch.FearGreed.OrderBy(f => f.Timestamp))
            {
                _fearGreed.OnNext(new FearGreedObservation(f.Timestamp, f.Value));
            }

            foreach (var p in batch.DexPools.OrderBy(p => p.Timestamp))
            {
                if (p.ReserveUsd is { } reserve)
                {
                    _pools.OnNext(new PoolObservation($"{p.Network}_{p.Address}", p.Timestamp, (double)reserve, (double)(p.Volume24hUsd ?? 0m)));
                }
            }

            foreach (var news in batch.News.Where(n => n.Sentiment is not null).OrderBy(n => n.Item.PublishedAt))
            {
                foreach (var asset in news.Assets)
                {
                    var observation = new SentimentObservation(asset, news.Item.PublishedAt, news.Sentiment!.Value, news.Item.Id);
                    _scoring?.Observe(observation);
                    _sentiment.OnNext(observation);
                }
            }

            // Mentions per entity in this cycle, stamped with the cycle's start.
            foreach (var group in batch.Mentions.GroupBy(m => m.EntityId, StringComparer.Ordinal))
            {
                _mentions.OnNext(new MentionObservation(group.Key, cycle.StartedAt, group.Sum(m => m.Count)));
            }

            IReadOnlyList<Signal> signals = _scoring is null
                ? [.. _found]
                : [.. _found.Select(s => _scoring.Score(s)).Where(s => s.Passed).Select(s => s.Signal)];
            _found.Clear();
            if (_failure is { } failure)
            {
                _failure = null;
                _subscription?.Dispose();
                Subscribe();
                throw new InvalidOperationException(
                    $"The signal detectors' stream ended with an error; it was restarted with fresh detector state ({signals.Count} signals of this cycle dropped).",
                    failure);
            }

            return ValueTask.FromResult(signals);
        }
    }

    private void Subscribe()
    {
        // The detectors run on data time; the scheduler only ages idle confluence subjects.
        _subscription = _pipeline!.Detect(_inputs!, ImmediateScheduler.Instance).Subscribe(_found.Add, e => _failure = e);
    }

    private void ScoreNews(StorageBatch batch, CancellationToken cancellationToken)
    {
        if (_sentimentScorer is null)
        {
            return;
        }

        // In batches: cheaper per headline for the ML scorers (the embedding scorer encodes 64 at a time), and the
        // token is checked between them.
        var unscored = Enumerable.Range(0, batch.News.Count).Where(i => batch.News[i].Sentiment is null).ToList();
        foreach (var chunk in unscored.Chunk(ScoreChunk))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var scores = _sentimentScorer.ScoreBatch([.. chunk.Select(i => batch.News[i].Item.Title)]);
            for (var k = 0; k < chunk.Length; k++)
            {
                var i = chunk[k];
                batch.News[i] = batch.News[i] with { Sentiment = scores[k].Value, SentimentLabel = scores[k].Label.ToString().ToLowerInvariant() };
            }
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _market.Dispose();
        _tvl.Dispose();
        _sentiment.Dispose();
        _mentions.Dispose();
        _fearGreed.Dispose();
        _pools.Dispose();
    }
}
