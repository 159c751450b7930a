using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace CryptoIntel.Signals.Sentiment;

/// <summary>
/// The ML.NET sentiment classifier shipped in this package (word 1–2-grams, with a crypto-domain copy for crypto
/// texts, and the crypto lexicon's scores as features, L-BFGS maximum entropy; trained only on data whose licence
/// allows it, see the package README).
/// Thread-safe: prediction engines are pooled. When the model is missing or corrupt, or a prediction throws, the
/// <see cref="LexiconSentimentScorer"/> answers, the counter <c>cryptointel.signals.sentiment.fallbacks</c> (meter
/// <c>CryptoIntel.Signals</c>) counts each such answer, and the first failure of each kind is logged.
/// </summary>
public sealed class MlSentimentScorer : ISentimentScorer, IDisposable
{
    /// <summary>The name of the meter of the Signals package.</summary>
    public const string MeterName = "CryptoIntel.Signals";

    /// <summary>The name of the counter of fallback answers.</summary>
    public const string FallbackCounterName = "cryptointel.signals.sentiment.fallbacks";

    private readonly ObjectPool<IPredictor>? _pool;
    private readonly Counter<long> _fallbacks;
    private readonly ILogger _logger;
    private readonly int _maxLength;
    private int _predictionFailureLogged;

    /// <summary>Initializes a new instance of the <see cref="MlSentimentScorer"/> class and loads its model.</summary>
    /// <param name="options">The options (the model path, or null for the embedded model).</param>
    /// <param name="meterFactory">The meter factory for the fallback counter.</param>
    /// <param name="logger">The logger, or null for none.</param>
    public MlSentimentScorer(IOptions<SentimentScorerOptions> options, IMeterFactory meterFactory, ILogger<MlSentimentScorer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterFactory);
        var o = options.Value;
        _maxLength = o.MaxTextLength;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fallbacks = CreateCounter(meterFactory);

        var source = o.ModelPath ?? "embedded resource " + SentimentModel.ResourceName;
        try
        {
            var ml = new MLContext(seed: 0);
            ITransformer model;
            using (var stream = o.ModelPath is null
                ? SentimentModel.OpenEmbedded() ?? throw new FileNotFoundException("The package was built without its sentiment model.", SentimentModel.ResourceName)
                : File.OpenRead(o.ModelPath))
            {
                model = SentimentModel.Load(ml, stream);
            }

            var policy = new EnginePolicy(ml, model);
            var first = (Engine)policy.Create();
            SentimentModel.ToScore(first.Predict("model check", _maxLength)); // a model of the wrong shape fails here, not on the first headline
            var pool = new DefaultObjectPool<IPredictor>(policy, Math.Max(4, Environment.ProcessorCount * 2));
            pool.Return(first);
            _pool = pool;
            IsModelLoaded = true;
            SentimentLog.ModelLoaded(_logger, source);
        }
#pragma warning disable CA1031 // Any failure to load means "answer with the lexicon": that is the documented fallback.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SentimentLog.ModelUnavailable(_logger, source, ex);
        }
    }

    /// <summary>Initializes a new instance of the <see cref="MlSentimentScorer"/> class over given predictors (tests).</summary>
    internal MlSentimentScorer(ObjectPool<IPredictor> pool, IMeterFactory meterFactory, ILogger? logger = null)
    {
        _pool = pool;
        _maxLength = SentimentModel.TrainingMaxLength;
        _logger = logger ?? NullLogger.Instance;
        _fallbacks = CreateCounter(meterFactory);
        IsModelLoaded = true;
    }

    /// <summary>Scores one normalised text with a model (a pooled prediction engine; not thread-safe).</summary>
    internal interface IPredictor
    {
        /// <summary>Returns the class probabilities (negative, neutral, positive).</summary>
        float[] Predict(string text, int maxLength);
    }

    /// <summary>Gets a value indicating whether the ML model loaded (false: every answer comes from the lexicon).</summary>
    public bool IsModelLoaded { get; }

    /// <inheritdoc />
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_pool is null)
        {
            return Fallback(text, "model_unavailable");
        }

        var engine = _pool.Get();
        try
        {
            return SentimentModel.ToScore(engine.Predict(text, _maxLength));
        }
#pragma warning disable CA1031 // A failed prediction is answered by the lexicon (documented fallback).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            OnPredictionFailed(ex);
            return Fallback(text, "prediction_failed");
        }
        finally
        {
            _pool.Return(engine);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<SentimentScore> ScoreBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new SentimentScore[texts.Count];
        if (_pool is null)
        {
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = Fallback(texts[i] ?? throw new ArgumentNullException(nameof(texts), $"Item {i} is null."), "model_unavailable");
            }

            return results;
        }

        var engine = _pool.Get();
        try
        {
            for (var i = 0; i < results.Length; i++)
            {
                var text = texts[i] ?? throw new ArgumentNullException(nameof(texts), $"Item {i} is null.");
                try
                {
                    results[i] = SentimentModel.ToScore(engine.Predict(text, _maxLength));
                }
#pragma warning disable CA1031 // As in Score: the lexicon answers.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    OnPredictionFailed(ex);
                    results[i] = Fallback(text, "prediction_failed");
                }
            }
        }
        finally
        {
            _pool.Return(engine);
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        (_pool as IDisposable)?.Dispose();
    }

    /// <summary>Creates (or finds: one instrument per meter factory) the fallback counter, shared by every ML scorer.</summary>
    internal static Counter<long> CreateCounter(IMeterFactory meterFactory) =>
        meterFactory.Create(MeterName).CreateCounter<long>(FallbackCounterName, unit: "{answer}", description: "Sentiment answers given by a fallback scorer because an ML model was unavailable or failed.");

    private void OnPredictionFailed(Exception ex)
    {
        if (Interlocked.Exchange(ref _predictionFailureLogged, 1) == 0)
        {
            SentimentLog.PredictionFailed(_logger, ex);
        }
    }

    private SentimentScore Fallback(string text, string reason)
    {
        _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));
        return LexiconSentimentScorer.Instance.Score(text.Length > _maxLength ? text[.._maxLength] : text);
    }

    /// <summary>A prediction engine with its reusable input row (PredictionEngine is not thread-safe: one user at a time).</summary>
    internal sealed class Engine(PredictionEngine<SentimentModelInput, SentimentModelOutput> engine) : IPredictor, IDisposable
    {
        private readonly SentimentModelInput _input = new();
        private SentimentModelOutput _output = new();

        public float[] Predict(string text, int maxLength)
        {
            _input.Fill(text, maxLength);
            engine.Predict(_input, ref _output);
            return _output.Score;
        }

        public void Dispose() => engine.Dispose();
    }

    /// <summary>
    /// Creates pooled engines one at a time (creating a PredictionEngine from one model on several threads at once is not
    /// documented as safe) and keeps every returned one.
    /// </summary>
    private sealed class EnginePolicy(MLContext ml, ITransformer model) : PooledObjectPolicy<IPredictor>
    {
        private readonly Lock _gate = new();

        public override IPredictor Create()
        {
            lock (_gate)
            {
                return new Engine(ml.Model.CreatePredictionEngine<SentimentModelInput, SentimentModelOutput>(model));
            }
        }

        public override bool Return(IPredictor obj) => true;
    }
}
