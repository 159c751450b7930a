namespace CryptoIntel.Signals.Statistics;

/// <summary>
/// An exponentially weighted moving mean and variance (West's incremental form):
/// <c>δ = x − μ; μ ← μ + α·δ; σ² ← (1 − α)·(σ² + α·δ²)</c>, with <c>α = max(α, 1/n)</c> for the n-th observation so
/// that the start is a plain running mean instead of being dominated by the first value. A mutable struct:
/// keep it in a field and call <see cref="Update"/> on the field, never on a copy. Allocation-free.
/// </summary>
internal struct Ewma
{
    private readonly double _alpha;

    /// <summary>Creates an EWMA with the smoothing factor α in (0, 1].</summary>
    public Ewma(double alpha)
    {
        _alpha = alpha;
    }

    /// <summary>Gets the weighted mean (0 before the first observation).</summary>
    public double Mean { readonly get; private set; }

    /// <summary>Gets the weighted variance (0 before the second observation).</summary>
    public double Variance { readonly get; private set; }

    /// <summary>Gets the number of observations seen.</summary>
    public long Count { readonly get; private set; }

    /// <summary>Gets the weighted standard deviation.</summary>
    public readonly double StdDev => Math.Sqrt(Variance);

    /// <summary>The smoothing factor whose weights halve every <paramref name="halfLife"/> observations.</summary>
    public static double AlphaFromHalfLife(double halfLife) => 1 - Math.Pow(0.5, 1 / halfLife);

    /// <summary>Adds an observation.</summary>
    public void Update(double x)
    {
        if (Count == 0)
        {
            Mean = x;
            Variance = 0;
        }
        else
        {
            // Bias correction of the start: a plain running mean until 1/n falls below α.
            var alpha = Math.Max(_alpha, 1.0 / (Count + 1));
            var delta = x - Mean;
            var increment = alpha * delta;
            Mean += increment;
            Variance = (1 - alpha) * (Variance + (delta * increment));
        }

        Count++;
    }

    /// <summary>Forgets every observation (keeps α).</summary>
    public void Reset()
    {
        Mean = 0;
        Variance = 0;
        Count = 0;
    }
}
