using System.Diagnostics.Metrics;
using System.Reflection;
using CryptoIntel.Signals.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML;

namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// The ML confidence scorer: a FastTree binary classifier (ML.NET) that estimates the probability that a signal is
/// borne out from its evidence and its <see cref="SignalContext"/>. The model ships inside the package; if it is
/// missing or corrupt, or a prediction fails, the rule-based confidence answers and the metric
/// <c>cryptointel.signals.scoring.fallbacks</c> (meter <c>CryptoIntel.Signals</c>) counts it.
/// </summary>
public sealed class MlConfidenceScorer : ISignalConfidenceScorer, IDisposable
{
    private readonly PredictionEngine<ConfidenceFeatures, ConfidencePrediction>? _engine;
    private readonly SignalsTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly ConfidenceFeatures _row = new();
    private ConfidencePrediction _prediction = new();

    /// <summary>Creates the scorer over the model in the package, or over a model file.</summary>
    /// <param name="modelPath">A model file written by the <c>train-confidence</c> command; null for the model in the package.</param>
    /// <param name="meterFactory">The meter factory for the fallback metric; null for a meter of its own.</param>
    /// <param name="logger">The logger.</param>
    public MlConfidenceScorer(string? modelPath = null, IMeterFactory? meterFactory = null, ILogger<MlConfidenceScorer>? logger = null)
    {
        _telemetry = new SignalsTelemetry(meterFactory);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var source = modelPath ?? "the package resource " + ConfidenceModel.ResourceName;
        try
        {
            using var stream = modelPath is null
                ? typeof(MlConfidenceScorer).Assembly.GetManifestResourceStream(ConfidenceModel.ResourceName) ?? throw new FileNotFoundException("The confidence model resource is missing.", ConfidenceModel.ResourceName)
                : File.OpenRead(modelPath);
            _engine = ConfidenceModel.Load(stream);
            var metadata = ReadMetadata(modelPath);
            Name = metadata?.Name ?? "ml-confidence";
            RecommendedThreshold = metadata?.Threshold ?? 0.5;
            Log.ConfidenceModelLoaded(_logger, Name, RecommendedThreshold);
        }
#pragma warning disable CA1031 // A model that fails to load, for any reason, means the rules answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ConfidenceModelLoadFailed(_logger, source, e);
            Name = RuleConfidenceScorer.ScorerName;
        }
    }

    internal MlConfidenceScorer(ITransformer model, string name, double threshold)
    {
        _telemetry = new SignalsTelemetry(null);
        _logger = NullLogger.Instance;
        _engine = ConfidenceModel.CreateEngine(model);
        Name = name;
        RecommendedThreshold = threshold;
    }

    /// <summary>Gets the model's name (<c>rules</c> when the model did not load).</summary>
    public string Name { get; }

    /// <summary>Gets a value indicating whether the model loaded; when false every signal is scored by the rules.</summary>
    public bool IsModelLoaded => _engine is not null;

    /// <summary>Gets the confidence threshold chosen with the model on its training period (0.5 when unknown).</summary>
    public double RecommendedThreshold { get; } = 0.5;

    /// <inheritdoc />
    public SignalScore Score(Signal signal, SignalContext context)
    {
        ArgumentNullException.ThrowIfNull(signal);
        context ??= SignalContext.Empty;
        if (_engine is null)
        {
            _telemetry.Fallback(signal.Detector, "not-loaded");
            return RuleConfidenceScorer.Instance.Score(signal, context);
        }

        try
        {
            float p;
            lock (_gate)
            {
                _row.Set(signal, context);
                _engine.Predict(_row, ref _prediction);
                p = _prediction.Probability;
            }

            if (!float.IsFinite(p))
            {
                throw new InvalidOperationException("The model returned a non-finite probability.");
            }

            return new SignalScore(Math.Clamp(p, 0, 1), Name);
        }
#pragma warning disable CA1031 // A failing prediction, for any reason, means the rules answer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Log.ConfidenceModelPredictFailed(_logger, signal.Detector, e);
            _telemetry.Fallback(signal.Detector, "predict-failed");
            return RuleConfidenceScorer.Instance.Score(signal, context);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _engine?.Dispose();
    }

    private static ConfidenceModelMetadata? ReadMetadata(string? modelPath)
    {
        try
        {
            if (modelPath is null)
            {
                using var resource = Assembly.GetExecutingAssembly().GetManifestResourceStream(ConfidenceModel.MetadataResourceName);
                return resource is null ? null : ConfidenceModelMetadata.Read(resource);
            }

            var path = Path.ChangeExtension(modelPath, ".json");
            if (!File.Exists(path))
            {
                return null;
            }

            using var file = File.OpenRead(path);
            return ConfidenceModelMetadata.Read(file);
        }
#pragma warning disable CA1031 // Metadata is optional: a bad file means the defaults.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
