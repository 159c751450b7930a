using Microsoft.ML.Data;

namespace CryptoIntel.Signals.Confidence;

/// <summary>The confidence model's input row: the signal's evidence and its context as numbers (schema version 3).</summary>
internal sealed class ConfidenceFeatures
{
    public const int Count = 31;

    /// <summary>The detector name (one-hot encoded by the model).</summary>
    public string Detector { get; set; } = string.Empty;

    /// <summary>The numeric features, see <see cref="Fill"/>.</summary>
    [VectorType(Count)]
    public float[] Numeric { get; set; } = new float[Count];

    /// <summary>The volatility-implied probability of a hit (<see cref="SignalContext.MoveProbability"/>), also in <see cref="Numeric"/>.</summary>
    public float Move { get; set; }

    /// <summary>Whether the signal was borne out (training only).</summary>
    public bool Label { get; set; }

    public static readonly string[] Names =
    [
        "direction", "magnitude", "absMagnitude", "ruleConfidence", "evidence0", "evidence1", "evidence2", "evidence3",
        "maxThresholdRatio", "return24hAligned", "return7dAligned", "volatility24h", "volatilityRatio", "volumeRatio",
        "btcReturn24hAligned", "btcReturn7dAligned", "btcVolatilityRatio", "confluence", "recentHitRate", "recentOutcomes",
        "detectorHitRate", "hoursSinceLast", "sentimentAligned", "isTvl", "return4hAligned", "rangePositionAligned",
        "volatility7d", "hourOfDay", "dayOfWeek", "logVolatilityRatio", "moveProbability",
    ];

    public static ConfidenceFeatures From(Signal signal, SignalContext context, bool label = false)
    {
        var row = new ConfidenceFeatures { Label = label };
        row.Set(signal, context);
        return row;
    }

    /// <summary>Sets every input column of this row from a signal and its context.</summary>
    public void Set(Signal signal, SignalContext context)
    {
        Detector = signal.Detector;
        Fill(signal, context, Numeric);
        Move = Numeric[30];
    }

    /// <summary>Writes the features into <paramref name="f"/> (non-finite values become 0, or a cap).</summary>
    public static void Fill(Signal signal, SignalContext context, Span<float> f)
    {
        var sign = signal.Direction switch { SignalDirection.Up => 1.0, SignalDirection.Down => -1.0, _ => 0.0 };
        var align = sign == 0 ? 1.0 : sign;
        f[0] = (float)sign;
        f[1] = Finite(signal.Magnitude);
        f[2] = Finite(Math.Abs(signal.Magnitude));
        f[3] = Finite(signal.Confidence);
        var maxRatio = 0.0;
        for (var i = 0; i < 4; i++)
        {
            f[4 + i] = i < signal.Evidence.Count ? Finite(signal.Evidence[i].Value) : 0;
        }

        foreach (var e in signal.Evidence)
        {
            if (e.Threshold is { } th && th != 0 && double.IsFinite(e.Value))
            {
                maxRatio = Math.Max(maxRatio, Math.Abs(e.Value / th));
            }
        }

        f[8] = Finite(maxRatio);
        f[9] = Finite(context.Return24h * align);
        f[10] = Finite(context.Return7d * align);
        f[11] = Finite(context.Volatility24h);
        f[12] = Finite(context.VolatilityRatio, 1);
        f[13] = Finite(context.VolumeRatio, 1);
        f[14] = Finite(context.BtcReturn24h * align);
        f[15] = Finite(context.BtcReturn7d * align);
        f[16] = Finite(context.BtcVolatilityRatio, 1);
        f[17] = context.ConfluenceCount;
        f[18] = Finite(context.RecentHitRate, 0.5);
        f[19] = Math.Min(context.RecentOutcomes, 1000);
        f[20] = Finite(context.DetectorHitRate, 0.5);
        f[21] = Finite(Math.Min(context.HoursSinceLastSignal, 1000), 1000);
        f[22] = Finite(context.Sentiment * align);
        f[24] = Finite(context.Return4h * align);
        f[25] = Finite(sign < 0 ? 1 - context.RangePosition24h : context.RangePosition24h, 0.5);
        f[26] = Finite(context.Volatility7d);
        var utc = signal.DetectedAt.UtcDateTime;
        f[27] = utc.Hour;
        f[28] = (int)utc.DayOfWeek;
        f[29] = Finite(Math.Log(context.VolatilityRatio));
        f[30] = Finite(context.MoveProbability, 0.5);
        f[23] = SignalOutcomeOptions.IsTvl(signal.Subject) ? 1 : 0;
    }

    private static float Finite(double value, double fallback = 0) =>
        double.IsFinite(value) ? (float)Math.Clamp(value, -1e6, 1e6) : (float)fallback;
}

/// <summary>The confidence model's output row.</summary>
internal sealed class ConfidencePrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }

    public float Score { get; set; }
}
