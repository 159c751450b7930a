using CryptoIntel.Signals.Backtesting;
using Microsoft.ML;

namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// Trains the confidence model on the training period of a backtest (no signal of the reported period is used) and
/// chooses its threshold on a later slice of the training period that the model was not fitted on.
/// </summary>
internal static class ConfidenceTrainer
{
    /// <summary>The result of a training.</summary>
    public sealed record Result(ITransformer Model, DataViewSchema Schema, ConfidenceModelMetadata Metadata, string Notes);

    /// <summary>Trains the model.</summary>
    /// <param name="candidates">The run of the detectors whose signals the model scores (the ML path's candidates).</param>
    /// <param name="rules">The run of the rule-based path (for the hit count the threshold must keep), or null.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="validationShare">The latest share of the training period held out to choose the threshold.</param>
    /// <param name="hitMargin">The ML path must keep this multiple of the rules' hits on the held-out slice (a margin for the unseen period).</param>
    /// <param name="config">The hyper-parameters; <see cref="ConfidenceModelConfig.Default"/> when null.</param>
    public static Result Train(BacktestRun candidates, BacktestRun? rules, int seed, double validationShare = 0.3, double hitMargin = 1.05, ConfidenceModelConfig? config = null)
    {
        config ??= ConfidenceModelConfig.Default;
        var train = candidates.Signals.Where(s => s.Period == BacktestPeriod.Train && s.Outcome is not null)
            .OrderBy(s => s.Signal.DetectedAt).ToList();
        if (train.Count < 50)
        {
            throw new InvalidOperationException($"Only {train.Count} labelled signals in the training period: too few to train the confidence model.");
        }

        var cut = train[(int)(train.Count * (1 - validationShare))].Signal.DetectedAt;
        var fit = train.Where(s => s.Signal.DetectedAt < cut).ToList();
        var held = train.Where(s => s.Signal.DetectedAt >= cut).ToList();
        var inner = ConfidenceModel.Train([.. fit.Select(Row)], seed, config, out _);
        using var engine = ConfidenceModel.CreateEngine(inner);
        var scored = held.Select(s => (P: (double)engine.Predict(ConfidenceFeatures.From(s.Signal, s.Context)).Probability, Hit: s.Outcome!.Value.Hit)).ToList();

        var rulesHeld = rules?.Signals.Where(s => s.Period == BacktestPeriod.Train && s.Outcome is not null && s.Signal.DetectedAt >= cut).ToList();
        var rulesHits = rulesHeld?.Count(s => s.Outcome!.Value.Hit) ?? 0;
        var rulesFp = rulesHeld?.Count(s => !s.Outcome!.Value.Hit) ?? 0;
        var (threshold, notes) = ChooseThreshold(scored, (int)Math.Ceiling(rulesHits * hitMargin), rulesFp);

        var model = ConfidenceModel.Train([.. train.Select(Row)], seed, config, out var schema);
        var metadata = new ConfidenceModelMetadata
        {
            Name = config.MoveOnly ? "move-logistic-v3" : config.Logistic ? "logistic-v3" : "fasttree-v3",
            Threshold = threshold,
            Seed = seed,
            TrainedUntil = train[^1].Signal.DetectedAt,
            TrainingSignals = train.Count,
            TrainingHitRate = train.Count(s => s.Outcome!.Value.Hit) / (double)train.Count,
            Note = notes,
        };
        return new Result(model, schema, metadata, notes);
    }

    /// <summary>
    /// The highest threshold whose kept hits on the held-out slice reach <paramref name="requiredHits"/> (the fewest
    /// false positives at that hit count); 0 when no threshold keeps enough hits.
    /// </summary>
    public static (double Threshold, string Notes) ChooseThreshold(IReadOnlyList<(double P, bool Hit)> scored, int requiredHits, int rulesFalsePositives)
    {
        var ordered = scored.OrderByDescending(s => s.P).ToList();
        int hits = 0, fps = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Hit)
            {
                hits++;
            }
            else
            {
                fps++;
            }

            var last = i == ordered.Count - 1 || ordered[i + 1].P < ordered[i].P;
            if (hits >= requiredHits && last)
            {
                return (ordered[i].P, $"held-out slice: {ordered.Count} candidates, threshold keeps {hits} hits / {fps} FP (rules {requiredHits} hits incl. margin / {rulesFalsePositives} FP)");
            }
        }

        return (0, $"held-out slice: no threshold keeps {requiredHits} hits ({hits} at most); threshold 0");
    }

    private static ConfidenceFeatures Row(BacktestSignal s) => ConfidenceFeatures.From(s.Signal, s.Context, s.Outcome!.Value.Hit);
}
