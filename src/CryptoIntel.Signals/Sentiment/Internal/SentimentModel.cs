using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>The row the ML model reads: the normalised text, the lexicon features, and (for training) the label and weight.</summary>
internal sealed class SentimentModelInput
{
    /// <summary>Gets or sets the normalised text (see <see cref="SentimentText.ToModelText(List{SentimentToken}, bool)"/>).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Gets or sets the lexicon features (see <see cref="LexiconEvidence.WriteFeatures"/>).</summary>
    [VectorType(LexiconEvidence.FeatureCount)]
    public float[] Lex { get; set; } = new float[LexiconEvidence.FeatureCount];

    /// <summary>Gets or sets the gold label (training only; empty when scoring).</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Gets or sets the example weight (training only).</summary>
    public float Weight { get; set; } = 1f;

    /// <summary>Fills this row from a raw text (the one preparation used by training and scoring).</summary>
    public LexiconEvidence Fill(string text, int maxLength)
    {
        if (text.Length > maxLength)
        {
            text = text[..maxLength];
        }

        var tokens = SentimentText.Tokenize(text);
        var evidence = CryptoLexicon.Score(tokens);
        Text = SentimentText.ToModelText(tokens, SentimentText.IsCrypto(tokens));
        evidence.WriteFeatures(Lex);
        return evidence;
    }
}

/// <summary>The model's output: one probability per class, in <see cref="SentimentLabel"/> order (negative, neutral, positive).</summary>
internal sealed class SentimentModelOutput
{
    /// <summary>Gets or sets the class probabilities.</summary>
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>The hyper-parameters of the training (the defaults are the shipped model's).</summary>
internal sealed record SentimentTrainingOptions
{
    /// <summary>Gets the seed of the ML context (the data order and the trainer's shuffling).</summary>
    public int Seed { get; init; } = 20261124;

    /// <summary>Gets the L2 regularisation of the trainer (the shipped L-BFGS model: 0.03; SDCA needs about 1e-5).</summary>
    public float L2 { get; init; } = 0.03f;

    /// <summary>Gets the L1 regularisation of the trainer.</summary>
    public float L1 { get; init; }

    /// <summary>Gets the iterations of L-BFGS (or the epochs of SDCA).</summary>
    public int Iterations { get; init; } = 300;

    /// <summary>Gets the largest word n-gram vocabulary.</summary>
    public int MaxWordNgrams { get; init; } = 200_000;

    /// <summary>Gets the largest char n-gram vocabulary per length (3, 4, 5).</summary>
    public int MaxCharNgrams { get; init; } = 60_000;

    /// <summary>
    /// Gets a value indicating whether char 3–5-grams are used. Off in the shipped model: on twitter_fin_dev they
    /// added 0.4–0.6 points of accuracy (L-BFGS, L2 0.1: 0.8308 vs 0.8266) but made one prediction 3–4× slower
    /// (p50 91 µs, p95 259 µs vs 30 / 72 µs for the word model in the same run), above the 100 µs p95 bar.
    /// </summary>
    public bool CharNgrams { get; init; }

    /// <summary>Gets a value indicating whether the lexicon features are used.</summary>
    public bool LexiconFeatures { get; init; } = true;

    /// <summary>Gets the trainer: <c>lbfgs</c> (L-BFGS maximum entropy, shipped) or <c>sdca</c> (SDCA maximum entropy).</summary>
    public string Trainer { get; init; } = "lbfgs";

    /// <summary>Gets the longest word n-gram (1–3).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Gets a value indicating whether word n-grams are weighted by TF-IDF (else term frequency).</summary>
    public bool TfIdf { get; init; }
}

/// <summary>Builds, trains, saves and loads the sentiment model.</summary>
internal static class SentimentModel
{
    /// <summary>The logical name of the embedded model.</summary>
    public const string ResourceName = "CryptoIntel.Signals.sentiment-model.zip";

    /// <summary>The text length the training cuts at (as the scorer's default).</summary>
    public const int TrainingMaxLength = 2_000;

    private static readonly DateTimeOffset FixedZipTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Turns labelled texts (with a weight each) into model rows.</summary>
    public static List<SentimentModelInput> Prepare(IEnumerable<(LabelledText Row, float Weight)> rows)
    {
        var list = new List<SentimentModelInput>();
        foreach (var (row, weight) in rows)
        {
            var input = new SentimentModelInput { Label = SentimentCsv.Format(row.Label), Weight = weight };
            input.Fill(row.Text, TrainingMaxLength);
            list.Add(input);
        }

        return list;
    }

    /// <summary>Trains a model on prepared rows.</summary>
    public static (MLContext Context, ITransformer Model, DataViewSchema Schema) Train(List<SentimentModelInput> rows, SentimentTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = BuildPipeline(ml, options).Fit(data);
        return (ml, model, data.Schema);
    }

    /// <summary>
    /// The estimator chain: word 1–2-grams of the model text (with its crypto-domain copy, see
    /// <see cref="SentimentText.ToModelText(List{SentimentToken}, bool)"/>), optionally char 3–5-grams, the lexicon
    /// features, and L-BFGS (or SDCA) maximum entropy.
    /// </summary>
    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, SentimentTrainingOptions options)
    {
        var features = new List<string> { "WordsN" };
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(SentimentModelInput.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.TokenizeIntoWords("Words", nameof(SentimentModelInput.Text), [' ']))
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words", maximumNumberOfKeys: options.MaxWordNgrams))
            .Append(ml.Transforms.Text.ProduceNgrams("WordGrams", "WordKeys", ngramLength: options.WordNgramLength, skipLength: 0, useAllLengths: true, maximumNgramsCount: options.MaxWordNgrams, weighting: options.TfIdf ? NgramExtractingEstimator.WeightingCriteria.TfIdf : NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.NormalizeLpNorm("WordsN", "WordGrams"));
        if (options.CharNgrams)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", nameof(SentimentModelInput.Text), useMarkerCharacters: true))
                .Append(ml.Transforms.Text.ProduceNgrams("C3", "Chars", ngramLength: 3, skipLength: 0, useAllLengths: false, maximumNgramsCount: options.MaxCharNgrams, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
                .Append(ml.Transforms.Text.ProduceNgrams("C4", "Chars", ngramLength: 4, skipLength: 0, useAllLengths: false, maximumNgramsCount: options.MaxCharNgrams, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
                .Append(ml.Transforms.Text.ProduceNgrams("C5", "Chars", ngramLength: 5, skipLength: 0, useAllLengths: false, maximumNgramsCount: options.MaxCharNgrams, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
                .Append(ml.Transforms.Concatenate("CharGrams", "C3", "C4", "C5"))
                .Append(ml.Transforms.NormalizeLpNorm("CharsN", "CharGrams"));
            features.Add("CharsN");
        }

        if (options.LexiconFeatures)
        {
            pipeline = pipeline.Append(ml.Transforms.NormalizeMinMax("LexN", nameof(SentimentModelInput.Lex), fixZero: true));
            features.Add("LexN");
        }

        pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", [.. features]));
        if (options.Trainer == "lbfgs")
        {
            return pipeline.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(SentimentModelInput.Weight),
                L2Regularization = options.L2,
                L1Regularization = options.L1,
                MaximumNumberOfIterations = options.Iterations,
                NumberOfThreads = 1,
            }));
        }

        return pipeline
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(SentimentModelInput.Weight),
                L2Regularization = options.L2,
                L1Regularization = options.L1,
                MaximumNumberOfIterations = options.Iterations,
                NumberOfThreads = 1,
                Shuffle = true,
            }));
    }

    /// <summary>
    /// Saves a model as a zip whose entries carry a fixed time stamp, so the same training writes the same bytes.
    /// </summary>
    public static void Save(MLContext ml, ITransformer model, DataViewSchema schema, Stream destination)
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, schema, raw);
        raw.Position = 0;
        using var source = new ZipArchive(raw, ZipArchiveMode.Read);
        using var target = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = FixedZipTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Loads a model from a stream (copied to memory first: ML.NET needs a seekable stream).</summary>
    public static ITransformer Load(MLContext ml, Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        return ml.Model.Load(stream, out _);
    }

    /// <summary>Opens the model embedded in this assembly, or returns null when the build shipped none.</summary>
    public static Stream? OpenEmbedded() => typeof(SentimentModel).Assembly.GetManifestResourceStream(ResourceName);

    /// <summary>Turns the model's class probabilities into a score.</summary>
    public static SentimentScore ToScore(float[] probabilities, SentimentScorerKind scorer = SentimentScorerKind.MachineLearning)
    {
        if (probabilities.Length != SentimentMetrics.Classes)
        {
            throw new InvalidOperationException($"The sentiment model returned {probabilities.Length} scores; expected 3 (negative, neutral, positive).");
        }

        float neg = probabilities[0], neu = probabilities[1], pos = probabilities[2];
        var label = pos > neu && pos > neg ? SentimentLabel.Positive : neg > neu && neg >= pos ? SentimentLabel.Negative : SentimentLabel.Neutral;
        return new SentimentScore(label, neg, neu, pos, scorer);
    }
}
