using System.Globalization;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

/// <summary>
/// A measuring-only experiment (nothing of it ships): a polar-vs-neutral binary model and a positive-vs-negative binary
/// model over the shipped model's features; a text is polar when P(polar) ≥ t, t chosen on the first --dev file.
/// </summary>
internal static class TwoStage
{
    public static int Run(string[] args)
    {
        var files = new List<(string Path, float Weight)>();
        var dev = new List<string>();
        var options = new SentimentTrainingOptions();
        var trainer = "lbfgs";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dev" when i + 1 < args.Length: dev.Add(args[++i]); break;
                case "--l2" when i + 1 < args.Length: options = options with { L2 = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--stage-trainer" when i + 1 < args.Length: trainer = args[++i]; break;
                default:
                    var at = args[i].LastIndexOf('@');
                    files.Add(at > 0 && float.TryParse(args[i][(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) ? (args[i][..at], w) : (args[i], 1f));
                    break;
            }
        }

        var rows = files.SelectMany(f => SentimentCsv.Read(f.Path).Select(r => (r, f.Weight))).ToList();
        var prepared = SentimentModel.Prepare(rows);
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(prepared);
        var featurizer = SentimentModel.BuildFeaturizer(ml, options, out var features)
            .Append(ml.Transforms.Concatenate("Features", [.. features]))
            .Append(ml.Transforms.Conversion.MapValue("Polar", new Dictionary<string, bool> { ["negative"] = true, ["neutral"] = false, ["positive"] = true }, nameof(SentimentModelInput.Label)))
            .Append(ml.Transforms.Conversion.MapValue("Positive", new Dictionary<string, bool> { ["negative"] = false, ["neutral"] = false, ["positive"] = true }, nameof(SentimentModelInput.Label)))
            .Fit(data);
        IEstimator<ITransformer> Binary(string label) => trainer switch
        {
            "fasttree" => ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = "Features", ExampleWeightColumnName = nameof(SentimentModelInput.Weight),
                NumberOfTrees = 300, NumberOfLeaves = 31, MinimumExampleCountPerLeaf = 5, LearningRate = 0.1, NumberOfThreads = 1,
            }),
            _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label, FeatureColumnName = "Features", ExampleWeightColumnName = nameof(SentimentModelInput.Weight),
                L2Regularization = options.L2, L1Regularization = options.L1, MaximumNumberOfIterations = options.Iterations, NumberOfThreads = 1,
            }),
        };
        var featurized = featurizer.Transform(data);
        var polar = Binary("Polar").Fit(featurized);
        var polarRows = ml.Data.LoadFromEnumerable(prepared.Where(p => p.Label != "neutral").ToList());
        var direction = Binary("Positive").Fit(featurizer.Transform(polarRows));

        var sets = dev.Select(path =>
        {
            var read = SentimentCsv.Read(path);
            var view = featurizer.Transform(ml.Data.LoadFromEnumerable(SentimentModel.Prepare(read.Select(r => (r, 1f)))));
            var pPolar = polar.Transform(view).GetColumn<float>("Probability").ToArray();
            var pPos = direction.Transform(view).GetColumn<float>("Probability").ToArray();
            return (Path: path, Gold: read.Select(r => r.Label).ToList(), PPolar: pPolar, PPos: pPos);
        }).ToList();

        List<SentimentLabel> Predict(float[] pPolar, float[] pPos, double t) =>
            [.. pPolar.Select((p, i) => p < t ? SentimentLabel.Neutral : pPos[i] >= 0.5f ? SentimentLabel.Positive : SentimentLabel.Negative)];

        var best = 0.5;
        var bestAcc = -1.0;
        for (var t = 0.30; t <= 0.701; t += 0.02)
        {
            var acc = SentimentMetrics.Compute(sets[0].Gold, Predict(sets[0].PPolar, sets[0].PPos, t)).Accuracy;
            Console.WriteLine($"t {t:0.00}: {sets[0].Path} accuracy {acc:0.0000}");
            if (acc > bestAcc)
            {
                (best, bestAcc) = (t, acc);
            }
        }

        foreach (var t in new[] { 0.5, best })
        {
            Console.WriteLine($"threshold {t:0.00}{(t == best ? " (chosen on " + sets[0].Path + ")" : string.Empty)}");
            foreach (var s in sets)
            {
                var m = SentimentMetrics.Compute(s.Gold, Predict(s.PPolar, s.PPos, t));
                Console.WriteLine($"  {s.Path}: accuracy {m.Accuracy:0.0000} macro-F1 {m.MacroF1:0.0000} confusion {string.Join(" | ", m.Confusion.Select(r => string.Join(' ', r)))}");
                var polarGold = s.Gold.Select(g => g != SentimentLabel.Neutral).ToList();
                Console.WriteLine($"    polar stage accuracy {polarGold.Where((g, i) => g == (s.PPolar[i] >= t)).Count() / (double)s.Gold.Count:0.0000}; direction accuracy on gold-polar {s.Gold.Select((g, i) => (g, i)).Where(x => x.g != SentimentLabel.Neutral).Average(x => (x.g == SentimentLabel.Positive) == (s.PPos[x.i] >= 0.5f) ? 1.0 : 0.0):0.0000}");
            }
        }

        return 0;
    }
}
