using System.Diagnostics.Metrics;
using System.Numerics.Tensors;
using CryptoIntel.Signals.Embeddings.Internal;
using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Sentiment;

/// <summary>
/// A sentiment scorer that runs all-MiniLM-L6-v2 fine-tuned for sentiment (ONNX Runtime, in this process): clearly better
/// than the fast <see cref="MlSentimentScorer"/> on financial tweets and crypto headlines, and slower (a few milliseconds
/// for one headline on 2 cores, against microseconds; batches are cheaper per text). The fine-tuned weights ship in this
/// package and were trained only on data whose licence allows it (see the package README). Its probabilities are combined
/// with the fast model's (the <c>fallback</c> scorer's, when they come from an ML model) by a weighted geometric mean,
/// <see cref="EmbeddingSentimentScorerOptions.FastModelWeight"/>: the two models err on different texts, so the
/// combination is more accurate than the transformer alone on every evaluation file.
/// Thread-safe. When the model cannot be loaded, or a prediction throws, the <c>fallback</c> scorer answers (the fast ML
/// model when registered by <c>AddEmbeddingSentiment</c>), the counter <c>cryptointel.signals.sentiment.fallbacks</c>
/// (meter <c>CryptoIntel.Signals</c>, tags <c>scorer</c> = <c>embedding</c> and <c>reason</c>) counts each such answer,
/// and the first failure of each kind is logged.
/// </summary>
public sealed class EmbeddingSentimentScorer : ISentimentScorer, IDisposable
{
    private static readonly KeyValuePair<string, object?> ScorerTag = new("scorer", "embedding");
    private readonly ISentimentPredictor? _model;
    private readonly SentimentTransformer? _ownedModel;
    private readonly ISentimentScorer _fallback;
    private readonly Counter<long> _fallbacks;
    private readonly ILogger _logger;
    private readonly int _maxLength;
    private readonly float _fastModelWeight;
    private int _predictionFailureLogged;
    private int _combineFailureLogged;

    /// <summary>Initializes a new instance of the <see cref="EmbeddingSentimentScorer"/> class: loads the model (slow: once per process).</summary>
    /// <param name="options">The options (the weights path, or null for the embedded weights).</param>
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
        _fastModelWeight = (float)o.FastModelWeight;
        _fallback = fallback;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _fallbacks = MlSentimentScorer.CreateCounter(meterFactory);
        var source = o.ModelPath ?? "embedded resource " + SentimentTransformer.ResourceName;
        try
        {
            using var stream = o.ModelPath is null
                ? SentimentTransformer.OpenEmbedded() ?? throw new FileNotFoundException("The package was built without its sentiment model.", SentimentTransformer.ResourceName)
                : File.OpenRead(o.ModelPath);
            var model = SentimentTransformer.Load(stream);
            try
            {
                // A model of the wrong shape fails here, not on the first headline.
                SentimentModel.ToScore(model.Predict(["model check"])[0]);
            }
            catch
            {
                model.Dispose();
                throw;
            }

            _model = model;
            _ownedModel = model;
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

    /// <summary>Initializes a new instance of the <see cref="EmbeddingSentimentScorer"/> class over a given model (tests; the model is not disposed).</summary>
    internal EmbeddingSentimentScorer(ISentimentPredictor model, ISentimentScorer fallback, IMeterFactory meterFactory, ILogger? logger = null, double fastModelWeight = 0)
    {
        _maxLength = new EmbeddingSentimentScorerOptions().MaxTextLength;
        _fastModelWeight = (float)fastModelWeight;
        _fallback = fallback;
        _logger = logger ?? NullLogger.Instance;
        _fallbacks = MlSentimentScorer.CreateCounter(meterFactory);
        _model = model;
        IsModelLoaded = true;
    }

    /// <summary>Gets a value indicating whether the model loaded (false: every answer comes from the fallback).</summary>
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
            var text = texts[i] ?? throw new ArgumentNullException(nameof(texts), $"Item {i} is null.");
            cut[i] = text.Length > _maxLength ? text[.._maxLength] : text;
        }

        var results = new SentimentScore[cut.Length];
        for (var start = 0; start < cut.Length; start += SentimentTransformer.BatchSize)
        {
            var count = Math.Min(SentimentTransformer.BatchSize, cut.Length - start);
            if (_model is null)
            {
                Fallback(cut, start, count, results, "model_unavailable");
                continue;
            }

            try
            {
                var probabilities = _model.Predict(new ArraySegment<string>(cut, start, count));
                var fast = FastAnswers(cut, start, count);
                for (var i = 0; i < count; i++)
                {
                    var p = fast?[i] is { Scorer: SentimentScorerKind.MachineLearning } answer ? Combine(probabilities[i], answer, _fastModelWeight) : probabilities[i];
                    results[start + i] = SentimentModel.ToScore(p, SentimentScorerKind.Embedding);
                }
            }
#pragma warning disable CA1031 // The fallback answers the texts of a batch the model failed on (documented).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (Interlocked.Exchange(ref _predictionFailureLogged, 1) == 0)
                {
                    EmbeddingSentimentLog.PredictionFailed(_logger, ex);
                }

                Fallback(cut, start, count, results, "prediction_failed");
            }
        }

        return results;
    }

    /// <inheritdoc />
    public void Dispose() => _ownedModel?.Dispose();

    /// <summary>
    /// The weighted geometric mean of the transformer's and the fast model's probabilities, normalised: the softmax of
    /// <c>(1 − w)·log p + w·log q</c> (probabilities floored at 10⁻⁹ so that a zero does not veto a class).
    /// </summary>
    internal static float[] Combine(float[] transformer, SentimentScore fast, float fastModelWeight)
    {
        Span<float> logits = stackalloc float[3];
        for (var k = 0; k < 3; k++)
        {
            var q = fast.Probability((SentimentLabel)k);
            logits[k] = ((1 - fastModelWeight) * MathF.Log(Math.Max(transformer[k], 1e-9f))) + (fastModelWeight * MathF.Log(Math.Max(q, 1e-9f)));
        }

        var result = new float[3];
        TensorPrimitives.SoftMax(logits, result);
        return result;
    }

    /// <summary>The fast model's answers to combine with, or null when its weight is 0 or it failed (logged once: the transformer answers alone).</summary>
    private IReadOnlyList<SentimentScore>? FastAnswers(string[] texts, int start, int count)
    {
        if (_fastModelWeight == 0)
        {
            return null;
        }

        try
        {
            return _fallback.ScoreBatch(new ArraySegment<string>(texts, start, count));
        }
#pragma warning disable CA1031 // A failing fast model leaves the transformer's answer (documented).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (Interlocked.Exchange(ref _combineFailureLogged, 1) == 0)
            {
                EmbeddingSentimentLog.FastModelFailed(_logger, ex);
            }

            return null;
        }
    }

    /// <summary>Answers already cut texts with the fallback scorer and counts each.</summary>
    private void Fallback(string[] texts, int start, int count, SentimentScore[] results, string reason)
    {
        _fallbacks.Add(count, ScorerTag, new KeyValuePair<string, object?>("reason", reason));
        var answers = _fallback.ScoreBatch(new ArraySegment<string>(texts, start, count));
        for (var i = 0; i < count; i++)
        {
            results[start + i] = answers[i];
        }
    }
}
