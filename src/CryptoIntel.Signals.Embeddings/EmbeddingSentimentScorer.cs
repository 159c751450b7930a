using System.Diagnostics.Metrics;
using CryptoIntel.Signals.Embeddings.Internal;
using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace CryptoIntel.Signals.Sentiment;

/// <summary>
/// A sentiment scorer that adds a sentence embedding (all-MiniLM-L6-v2, run by ONNX Runtime in this process) to the
/// features of the fast <see cref="MlSentimentScorer"/>: better on real crypto headlines, slower (about 3.4 ms for
/// one headline on 2 cores, against microseconds; batches are cheaper per text). The classifier ships in this package and was trained
/// only on data whose licence allows it (see the package README).
/// Thread-safe. When the model or the encoder cannot be loaded, or a prediction throws, the <c>fallback</c> scorer
/// answers (the fast ML model when registered by <c>AddEmbeddingSentiment</c>), the counter
/// <c>cryptointel.signals.sentiment.fallbacks</c> (meter <c>CryptoIntel.Signals</c>, tags <c>scorer</c> =
/// <c>embedding</c> and <c>reason</c>) counts each such answer, and the first failure of each kind is logged.
/// </summary>
public sealed class EmbeddingSentimentScorer : ISentimentScorer, IDisposable
{
    private static readonly KeyValuePair<string, object?> ScorerTag = new("scorer", "embedding");
    private readonly ISentenceEmbedder? _embedder;
    private readonly DefaultObjectPool<Engine>? _pool;
    private readonly ISentimentScorer _fallback;
    private readonly Counter<long> _fallbacks;
    private readonly ILogger _logger;
    private readonly int _maxLength;
    private readonly SentenceEmbedder? _ownedEmbedder;
    private int _predictionFailureLogged;

    /// <summary>Initializes a new instance of the <see cref="EmbeddingSentimentScorer"/> class: loads the sentence encoder and the model (slow: once per process).</summary>
    /// <param name="options">The options (the model path, or null for the embedded model).</param>
    /// <param name="fallback">The scorer that answers when this one cannot (not disposed by this instance).</param>
    /// <param name="meterFactory">The meter factory for the fallback counter.</param>
    /// <param name="logger">The logger, or null for none.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is null.</exception>
    public EmbeddingSentimentScorer(IOptions<EmbeddingSentimentScorerOptions> options, ISentimentScorer fallback, IMeterFactory meterFactory, ILogger<EmbeddingSentimentScorer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(meterFactory);
        var o = options.Value;
        _maxLength = o.MaxTextLength;
        _fallback = fallback;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fallbacks = MlSentimentScorer.CreateCounter(meterFactory);
        var source = o.ModelPath ?? "embedded resource " + EmbeddingSentimentModel.ResourceName;
        try
        {
            using var stream = o.ModelPath is null
                ? EmbeddingSentimentModel.OpenEmbedded() ?? throw new FileNotFoundException("The package was built without its sentiment model.", EmbeddingSentimentModel.ResourceName)
                : File.OpenRead(o.ModelPath);
            var ml = new MLContext(seed: 0);
            var model = SentimentModel.Load(ml, stream);
            var embedder = new SentenceEmbedder();
            try
            {
                _pool = CreatePool(ml, model, embedder);
            }
            catch
            {
                embedder.Dispose();
                throw;
            }

            _embedder = embedder;
            _ownedEmbedder = embedder;
            IsModelLoaded = true;
            EmbeddingSentimentLog.ModelLoaded(_logger, source);
        }
#pragma warning disable CA1031 // Any failure to load means "the fallback answers": that is the documented behaviour.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EmbeddingSentimentLog.ModelUnavailable(_logger, source, ex);
        }
    }

    /// <summary>Initializes a new instance of the <see cref="EmbeddingSentimentScorer"/> class over a given encoder and model (tests; the encoder is not disposed).</summary>
    internal EmbeddingSentimentScorer(ISentenceEmbedder embedder, Stream model, ISentimentScorer fallback, IMeterFactory meterFactory, ILogger? logger = null)
    {
        _maxLength = SentimentModel.TrainingMaxLength;
        _fallback = fallback;
        _logger = logger ?? NullLogger.Instance;
        _fallbacks = MlSentimentScorer.CreateCounter(meterFactory);
        var ml = new MLContext(seed: 0);
        _pool = CreatePool(ml, SentimentModel.Load(ml, model), embedder);
        _embedder = embedder;
        IsModelLoaded = true;
    }

    /// <summary>Gets a value indicating whether the model and the encoder loaded (false: every answer comes from the fallback).</summary>
    public bool IsModelLoaded { get; }

    /// <inheritdoc />
    public SentimentScore Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ScoreBatch([text])[0];
    }

    /// <inheritdoc />
    public IReadOnlyList<SentimentScore> ScoreBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var cut = new string[texts.Count];
        for (var i = 0; i < cut.Length; i++)
        {
            cut[i] = EmbeddingSentimentModel.Cut(texts[i] ?? throw new ArgumentNullException(nameof(texts), $"Item {i} is null."), _maxLength);
        }

        var results = new SentimentScore[cut.Length];
        if (_pool is null || _embedder is null)
        {
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = Fallback(cut[i], "model_unavailable");
            }

            return results;
        }

        var engine = _pool.Get();
        try
        {
            for (var start = 0; start < cut.Length; start += EmbeddingSentimentModel.BatchSize)
            {
                var count = Math.Min(EmbeddingSentimentModel.BatchSize, cut.Length - start);
                float[][]? vectors = null;
                try
                {
                    vectors = _embedder.Embed(new ArraySegment<string>(cut, start, count));
                }
#pragma warning disable CA1031 // The fallback answers the texts of a batch the encoder failed on (documented).
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    OnPredictionFailed(ex);
                }

                for (var i = 0; i < count; i++)
                {
                    var text = cut[start + i];
                    try
                    {
                        results[start + i] = vectors is null
                            ? Fallback(text, "prediction_failed")
                            : SentimentModel.ToScore(engine.Predict(text, vectors[i], _maxLength), SentimentScorerKind.Embedding);
                    }
#pragma warning disable CA1031 // A failed prediction is answered by the fallback (documented).
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        OnPredictionFailed(ex);
                        results[start + i] = Fallback(text, "prediction_failed");
                    }
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
        _ownedEmbedder?.Dispose();
    }

    private static DefaultObjectPool<Engine> CreatePool(MLContext ml, ITransformer model, ISentenceEmbedder embedder)
    {
        var policy = new PredictionEnginePolicy<Engine>(() => new Engine(ml.Model.CreatePredictionEngine<EmbeddingModelInput, SentimentModelOutput>(model)));
        var first = policy.Create();
        // A model or an encoder of the wrong shape fails here, not on the first headline.
        SentimentModel.ToScore(first.Predict("model check", embedder.Embed(["model check"])[0], SentimentModel.TrainingMaxLength));
        var pool = new DefaultObjectPool<Engine>(policy, Math.Max(4, Environment.ProcessorCount * 2));
        pool.Return(first);
        return pool;
    }

    private void OnPredictionFailed(Exception ex)
    {
        if (Interlocked.Exchange(ref _predictionFailureLogged, 1) == 0)
        {
            EmbeddingSentimentLog.PredictionFailed(_logger, ex);
        }
    }

    /// <summary>Answers an already cut text with the fallback scorer and counts it.</summary>
    private SentimentScore Fallback(string text, string reason)
    {
        _fallbacks.Add(1, ScorerTag, new KeyValuePair<string, object?>("reason", reason));
        return _fallback.Score(text);
    }

    /// <summary>A prediction engine with its reusable rows (PredictionEngine is not thread-safe: one user at a time).</summary>
    private sealed class Engine(PredictionEngine<EmbeddingModelInput, SentimentModelOutput> engine) : IDisposable
    {
        private readonly SentimentModelInput _scratch = new();
        private readonly EmbeddingModelInput _input = new();
        private SentimentModelOutput _output = new();

        public float[] Predict(string text, float[] embedding, int maxLength)
        {
            _input.Fill(_scratch, text, embedding, maxLength);
            engine.Predict(_input, ref _output);
            return _output.Score;
        }

        public void Dispose() => engine.Dispose();
    }
}
