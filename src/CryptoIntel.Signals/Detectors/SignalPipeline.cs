using System.Diagnostics.Metrics;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;
using Microsoft.Extensions.Logging;

namespace CryptoIntel.Signals;

/// <summary>
/// The detectors composed over their input streams, in one call: every detector over its (shared) input, then
/// de-duplication by id, then, when enabled, the composite confluence signals. For a host or a backtester:
/// <c>SignalPipeline.CreateDefault().Detect(ticks, scheduler)</c>.
/// </summary>
public sealed class SignalPipeline
{
    private readonly ISignalDetector<MarketTick>[] _market;
    private readonly ISignalDetector<TvlObservation>[] _tvl;
    private readonly ISignalDetector<SentimentObservation>[] _sentiment;
    private readonly ISignalDetector<MentionObservation>[] _mentions;
    private readonly ISignalDetector<FearGreedObservation>[] _fearGreed;
    private readonly ISignalDetector<PoolObservation>[] _pools;
    private readonly SignalPipelineOptions _options;

    /// <summary>Creates a pipeline of the given detectors.</summary>
    /// <param name="market">The detectors of market ticks.</param>
    /// <param name="tvl">The detectors of TVL; null for none.</param>
    /// <param name="sentiment">The detectors of news sentiment; null for none.</param>
    /// <param name="mentions">The detectors of mention counts; null for none.</param>
    /// <param name="fearGreed">The detectors of Fear &amp; Greed readings; null for none.</param>
    /// <param name="pools">The detectors of DEX pools; null for none.</param>
    /// <param name="options">The options; null for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="market"/> is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public SignalPipeline(
        IEnumerable<ISignalDetector<MarketTick>> market,
        IEnumerable<ISignalDetector<TvlObservation>>? tvl = null,
        IEnumerable<ISignalDetector<SentimentObservation>>? sentiment = null,
        IEnumerable<ISignalDetector<MentionObservation>>? mentions = null,
        IEnumerable<ISignalDetector<FearGreedObservation>>? fearGreed = null,
        IEnumerable<ISignalDetector<PoolObservation>>? pools = null,
        SignalPipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        _market = [.. market];
        _tvl = [.. tvl ?? []];
        _sentiment = [.. sentiment ?? []];
        _mentions = [.. mentions ?? []];
        _fearGreed = [.. fearGreed ?? []];
        _pools = [.. pools ?? []];
        _options = options ?? new SignalPipelineOptions();
        DetectorOptionsValidation.ThrowIfInvalid(_options);
    }

    /// <summary>Gets the market detectors of the pipeline.</summary>
    public IReadOnlyList<ISignalDetector<MarketTick>> MarketDetectors => _market;

    /// <summary>
    /// Creates the pipeline of all nine detectors with their default options: volume spike, price move, de-peg and
    /// cross-source divergence over market ticks; TVL flow; sentiment shift; news velocity; Fear &amp; Greed regime;
    /// DEX pool.
    /// </summary>
    /// <param name="loggerFactory">The logger factory; null for none.</param>
    /// <param name="meterFactory">The meter factory; null for a process-wide meter.</param>
    /// <param name="options">The pipeline options; null for the defaults.</param>
    /// <returns>The pipeline.</returns>
    public static SignalPipeline CreateDefault(ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null, SignalPipelineOptions? options = null) =>
        new(
            [
                new VolumeSpikeDetector(null, loggerFactory, meterFactory),
                new PriceMoveDetector(null, loggerFactory, meterFactory),
                new DepegDetector(null, loggerFactory, meterFactory),
                new PriceDivergenceDetector(null, loggerFactory, meterFactory),
            ],
            [new TvlFlowDetector(null, loggerFactory, meterFactory)],
            [new SentimentShiftDetector(null, loggerFactory, meterFactory)],
            [new NewsVelocityDetector(null, loggerFactory, meterFactory)],
            [new FearGreedRegimeDetector(null, loggerFactory, meterFactory)],
            [new DexPoolDetector(null, loggerFactory, meterFactory)],
            options);

    /// <summary>Runs the market detectors over one stream of ticks (subscribed once, shared by the detectors).</summary>
    /// <param name="ticks">The ticks.</param>
    /// <param name="scheduler">The scheduler of every time-based step.</param>
    /// <returns>The signals (and composites).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IObservable<Signal> Detect(IObservable<MarketTick> ticks, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(scheduler);
        return Detect(new SignalInputs { Market = ticks }, scheduler);
    }

    /// <summary>Runs every detector over its input stream (each stream subscribed once, shared by its detectors).</summary>
    /// <param name="inputs">The input streams.</param>
    /// <param name="scheduler">The scheduler of every time-based step.</param>
    /// <returns>The signals (and composites).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IObservable<Signal> Detect(SignalInputs inputs, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(scheduler);
        var streams = new List<IObservable<Signal>>(6);
        Add(streams, inputs.Market, _market, scheduler);
        Add(streams, inputs.Tvl, _tvl, scheduler);
        Add(streams, inputs.Sentiment, _sentiment, scheduler);
        Add(streams, inputs.Mentions, _mentions, scheduler);
        Add(streams, inputs.FearGreed, _fearGreed, scheduler);
        Add(streams, inputs.Pools, _pools, scheduler);
        var signals = streams.Merge().DistinctSignals(_options.DeduplicationCapacity);
        return _options.EmitConfluence ? signals.WithConfluence(_options.Confluence, scheduler) : signals;
    }

    private static void Add<TInput>(List<IObservable<Signal>> streams, IObservable<TInput>? input, ISignalDetector<TInput>[] detectors, IScheduler scheduler)
    {
        if (input is null || detectors.Length == 0)
        {
            return;
        }

        if (detectors.Length == 1)
        {
            streams.Add(detectors[0].Detect(input, scheduler));
        }
        else if (AsEngineDetectors(detectors) is { } engines)
        {
            // The built-in detectors run in one subscription, in order: the same signals as the Publish and Merge
            // below, without a fan-out per input.
            streams.Add(DetectorObservable.Create(input, engines));
        }
        else
        {
            streams.Add(input.Publish(shared => detectors.Select(d => d.Detect(shared, scheduler)).Merge()));
        }
    }

    private static IEngineDetector<TInput>[]? AsEngineDetectors<TInput>(ISignalDetector<TInput>[] detectors)
    {
        var engines = new IEngineDetector<TInput>[detectors.Length];
        for (var i = 0; i < detectors.Length; i++)
        {
            if (detectors[i] is not IEngineDetector<TInput> engine)
            {
                return null;
            }

            engines[i] = engine;
        }

        return engines;
    }
}
