using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace CryptoIntel.Signals.Confidence;

/// <summary>Training, saving and loading of the FastTree confidence model (ML.NET).</summary>
internal static class ConfidenceModel
{
    public const string ResourceName = "CryptoIntel.Signals.confidence-model.zip";
    public const string MetadataResourceName = "CryptoIntel.Signals.confidence-model.json";

    /// <summary>Trains the model; the same rows and seed give the same model (one thread).</summary>
    public static ITransformer Train(IReadOnlyList<ConfidenceFeatures> rows, int seed, out DataViewSchema schema) =>
        Train(rows, seed, ConfidenceModelConfig.Default, out schema);

    /// <summary>Trains a model with the given hyper-parameters.</summary>
    public static ITransformer Train(IReadOnlyList<ConfidenceFeatures> rows, int seed, ConfidenceModelConfig config, out DataViewSchema schema)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        schema = data.Schema;
        var features = ml.Transforms.Categorical.OneHotEncoding("DetectorKey", nameof(ConfidenceFeatures.Detector))
            .Append(config.MoveOnly
                ? ml.Transforms.Concatenate("Features", nameof(ConfidenceFeatures.Move))
                : ml.Transforms.Concatenate("Features", nameof(ConfidenceFeatures.Numeric), "DetectorKey"));
        if (config.Logistic)
        {
            // A regularized linear model on standardized features: fewer ways to fit one market regime.
            return features
                .Append(ml.Transforms.NormalizeMeanVariance("Features"))
                .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new Microsoft.ML.Trainers.LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    LabelColumnName = nameof(ConfidenceFeatures.Label),
                    FeatureColumnName = "Features",
                    L2Regularization = (float)config.L2,
                    L1Regularization = (float)config.L1,
                    NumberOfThreads = 1,
                }))
                .Fit(data);
        }

        var pipeline = features
            .Append(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = nameof(ConfidenceFeatures.Label),
                FeatureColumnName = "Features",
                NumberOfLeaves = config.Leaves,
                NumberOfTrees = config.Trees,
                MinimumExampleCountPerLeaf = config.MinimumPerLeaf,
                LearningRate = config.LearningRate,
                FeatureFraction = config.FeatureFraction,
                NumberOfThreads = 1,
                Seed = seed,
            }));
        return pipeline.Fit(data);
    }

    public static void Save(ITransformer model, DataViewSchema schema, Stream stream) => new MLContext(0).Model.Save(model, schema, stream);

    public static PredictionEngine<ConfidenceFeatures, ConfidencePrediction> Load(Stream stream)
    {
        var ml = new MLContext(0);
        var model = ml.Model.Load(stream, out _);
        return ml.Model.CreatePredictionEngine<ConfidenceFeatures, ConfidencePrediction>(model);
    }

    public static PredictionEngine<ConfidenceFeatures, ConfidencePrediction> CreateEngine(ITransformer model) =>
        new MLContext(0).Model.CreatePredictionEngine<ConfidenceFeatures, ConfidencePrediction>(model);
}

/// <summary>
/// The hyper-parameters of the confidence model: trees, leaves, examples per leaf, learning rate and feature fraction for
/// FastTree; <see cref="Logistic"/> with L2/L1 for an L-BFGS logistic regression, on <see cref="MoveOnly"/> or all features.
/// </summary>
internal sealed record ConfidenceModelConfig(int Trees, int Leaves, int MinimumPerLeaf, double LearningRate, double FeatureFraction = 1.0, bool Logistic = false, bool MoveOnly = false, double L2 = 1, double L1 = 0)
{
    public static ConfidenceModelConfig Default { get; } = new(0, 0, 0, 0, Logistic: true, MoveOnly: true, L2: 0.01);
}

/// <summary>What ships beside the model: how it was trained and the threshold chosen on the training period.</summary>
internal sealed record ConfidenceModelMetadata
{
    public string Name { get; init; } = "move-logistic-v3";

    public double Threshold { get; init; } = 0.5;

    public int Seed { get; init; }

    public DateTimeOffset TrainedUntil { get; init; }

    public int TrainingSignals { get; init; }

    public double TrainingHitRate { get; init; }

    public string? Note { get; init; }

    public static ConfidenceModelMetadata? Read(Stream stream) =>
        JsonSerializer.Deserialize(stream, SignalsJsonContext.Default.ConfidenceModelMetadata);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ConfidenceModelMetadata))]
[JsonSerializable(typeof(Backtesting.BacktestReport))]
[JsonSerializable(typeof(AB.ABTestReport))]
internal sealed partial class SignalsJsonContext : JsonSerializerContext;
