namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The rule-based confidence of the detectors. The base is a logistic of how far the score went past its
/// threshold, <c>c₀ = 1 / (1 + e^(−(x − T) / s))</c> (0.5 at the threshold, 0.73 one scale past it, 0.88 two
/// scales past); a confirmation (e.g. volume behind a price move) closes part β of the gap to 1:
/// <c>c ← c + β·(1 − c)</c>; the result is clamped to [0.01, 0.99].
/// </summary>
internal static class RuleConfidence
{
    public const double Min = 0.01;
    public const double Max = 0.99;

    public static double Logistic(double score, double threshold, double scale) =>
        Clamp(1 / (1 + Math.Exp(-(score - threshold) / scale)));

    public static double Boost(double confidence, double beta) => Clamp(confidence + (beta * (1 - confidence)));

    public static double Clamp(double confidence) =>
        double.IsNaN(confidence) ? Min : Math.Clamp(confidence, Min, Max);
}
