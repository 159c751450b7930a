namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>Accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix of a set of predictions.</summary>
/// <param name="Count">The number of texts.</param>
/// <param name="Accuracy">The share of texts whose predicted label is the gold label.</param>
/// <param name="MacroF1">The unweighted mean of the per-class F1 over the classes present in the gold or predicted labels.</param>
/// <param name="Precision">Per-class precision, indexed by <see cref="SentimentLabel"/>.</param>
/// <param name="Recall">Per-class recall, indexed by <see cref="SentimentLabel"/>.</param>
/// <param name="F1">Per-class F1, indexed by <see cref="SentimentLabel"/>.</param>
/// <param name="Confusion">Counts indexed [gold, predicted] by <see cref="SentimentLabel"/>.</param>
internal sealed record SentimentMetrics(int Count, double Accuracy, double MacroF1, double[] Precision, double[] Recall, double[] F1, int[][] Confusion)
{
    public const int Classes = 3;

    /// <summary>Computes the metrics of predictions against gold labels.</summary>
    public static SentimentMetrics Compute(IReadOnlyList<SentimentLabel> gold, IReadOnlyList<SentimentLabel> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions.", nameof(predicted));
        }

        var confusion = new int[Classes][];
        for (var k = 0; k < Classes; k++)
        {
            confusion[k] = new int[Classes];
        }

        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            confusion[(int)gold[i]][(int)predicted[i]]++;
            if (gold[i] == predicted[i])
            {
                correct++;
            }
        }

        var precision = new double[Classes];
        var recall = new double[Classes];
        var f1 = new double[Classes];
        double sumF1 = 0;
        var present = 0;
        for (var k = 0; k < Classes; k++)
        {
            var tp = confusion[k][k];
            var goldK = confusion[k].Sum();
            var predK = 0;
            for (var g = 0; g < Classes; g++)
            {
                predK += confusion[g][k];
            }

            precision[k] = predK == 0 ? 0 : (double)tp / predK;
            recall[k] = goldK == 0 ? 0 : (double)tp / goldK;
            f1[k] = precision[k] + recall[k] == 0 ? 0 : 2 * precision[k] * recall[k] / (precision[k] + recall[k]);
            if (goldK + predK > 0)
            {
                sumF1 += f1[k];
                present++;
            }
        }

        return new SentimentMetrics(
            gold.Count,
            gold.Count == 0 ? 0 : (double)correct / gold.Count,
            present == 0 ? 0 : sumF1 / present,
            precision,
            recall,
            f1,
            confusion);
    }

    /// <summary>The most frequent gold label (ties: neutral, then positive, then negative).</summary>
    public static SentimentLabel Majority(IReadOnlyList<SentimentLabel> gold)
    {
        var counts = new int[Classes];
        foreach (var g in gold)
        {
            counts[(int)g]++;
        }

        var best = SentimentLabel.Neutral;
        foreach (var k in new[] { SentimentLabel.Positive, SentimentLabel.Negative })
        {
            if (counts[(int)k] > counts[(int)best])
            {
                best = k;
            }
        }

        return best;
    }
}
