namespace CryptoIntel.Signals.Internal;

/// <summary>The small statistics the track record and the A/B comparison need (no dependency on a maths package).</summary>
internal static class TrackStatistics
{
    /// <summary>The two-sided normal quantile for a confidence level (0.8, 0.9, 0.95, 0.99 exactly; others by approximation).</summary>
    public static double NormalQuantile(double confidenceLevel) => InverseNormalCdf(0.5 + (confidenceLevel / 2));

    /// <summary>The Wilson score interval of a proportion.</summary>
    public static (double Low, double High) Wilson(int successes, int trials, double confidenceLevel)
    {
        if (trials <= 0)
        {
            return (0, 1);
        }

        var z = NormalQuantile(confidenceLevel);
        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>The median of the values (NaN when empty).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The mean of the values (NaN when empty).</summary>
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>A percentile bootstrap interval of the mean, with a fixed seed so that reports are reproducible.</summary>
    public static (double Low, double High) BootstrapMean(IReadOnlyList<double> values, double confidenceLevel, int resamples, int seed)
    {
        if (values.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        if (values.Count == 1)
        {
            return (values[0], values[0]);
        }

        var random = new Random(seed);
        var means = new double[resamples];
        var n = values.Count;
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += values[random.Next(n)];
            }

            means[r] = sum / n;
        }

        Array.Sort(means);
        var alpha = (1 - confidenceLevel) / 2;
        return (Percentile(means, alpha), Percentile(means, 1 - alpha));
    }

    /// <summary>The two-proportion z-test: the z statistic and the two-sided p-value (pooled standard error).</summary>
    public static (double Z, double PValue) TwoProportionZ(int successesA, int trialsA, int successesB, int trialsB)
    {
        if (trialsA == 0 || trialsB == 0)
        {
            return (0, 1);
        }

        var pA = (double)successesA / trialsA;
        var pB = (double)successesB / trialsB;
        var pooled = (double)(successesA + successesB) / (trialsA + trialsB);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trialsA) + (1.0 / trialsB)));
        if (se == 0)
        {
            return (0, 1);
        }

        var z = (pB - pA) / se;
        return (z, 2 * (1 - NormalCdf(Math.Abs(z))));
    }

    /// <summary>The standard normal CDF (Abramowitz–Stegun 7.1.26 erf, |error| &lt; 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(x) / Math.Sqrt(2)));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-(x * x) / 2));
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /// <summary>The inverse standard normal CDF (Acklam's rational approximation, relative error &lt; 1.2e-9).</summary>
    public static double InverseNormalCdf(double p)
    {
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }

        if (p >= 1)
        {
            return double.PositiveInfinity;
        }

        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Horner(c, q) / ((Horner(d, q) * q) + 1);
        }

        if (p > 1 - Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Horner(c, q) / ((Horner(d, q) * q) + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return Horner(a, s) * r / ((Horner(b, s) * s) + 1);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var result = 0.0;
        foreach (var k in coefficients)
        {
            result = (result * x) + k;
        }

        return result;
    }

    private static double Percentile(double[] sorted, double q)
    {
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(sorted.Length - 1, lo + 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }
}
