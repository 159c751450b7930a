using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Text;
using System.Text.Json;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Internal;

namespace CryptoIntel.Signals.AB;

/// <summary>An arm of an A/B comparison.</summary>
public enum ABVariant
{
    /// <summary>The control (e.g. the rule-based path).</summary>
    A = 0,

    /// <summary>The challenger (e.g. rules + ML scoring, or another option set).</summary>
    B = 1,
}

/// <summary>The plain verdict of an A/B comparison.</summary>
public enum ABVerdict
{
    /// <summary>The difference is not significant at the chosen level (yet).</summary>
    NotYetSignificant = 0,

    /// <summary>A's success rate is significantly higher.</summary>
    ABetter = 1,

    /// <summary>B's success rate is significantly higher.</summary>
    BBetter = 2,
}

/// <summary>Deterministic assignment of keys (users, streams, assets) to an arm: a stable 64-bit FNV-1a hash, never <see cref="string.GetHashCode()"/>.</summary>
public static class ABAssignment
{
    /// <summary>Returns the key's bucket in [0, 1): the same key and salt give the same bucket in every process and on every machine.</summary>
    /// <param name="key">The key.</param>
    /// <param name="salt">A salt (e.g. the experiment's name) so that two experiments split independently.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static double Bucket(string key, string? salt = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        const ulong Offset = 14695981039346656037UL;
        const ulong Prime = 1099511628211UL;
        var hash = Offset;
        Span<byte> buffer = stackalloc byte[256];
        foreach (var part in (string[])[salt ?? string.Empty, "\n", key])
        {
            var bytes = Encoding.UTF8.GetByteCount(part) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(part, buffer)] : Encoding.UTF8.GetBytes(part);
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * Prime;
            }
        }

        // Finalise (murmur3 fmix64) so that keys differing in the last character spread over the whole range.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        return (hash >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Assigns a key to an arm: B when its bucket is below <paramref name="shareOfB"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="shareOfB">The share of keys assigned to B, in 0..1.</param>
    /// <param name="salt">The experiment's salt.</param>
    /// <returns>The arm.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shareOfB"/> is outside 0..1.</exception>
    public static ABVariant Assign(string key, double shareOfB, string? salt = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shareOfB, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shareOfB, 1.0);
        return Bucket(key, salt) < shareOfB ? ABVariant.B : ABVariant.A;
    }
}

/// <summary>Options of an <see cref="ABTest{TInput}"/>.</summary>
public sealed class ABTestOptions
{
    /// <summary>Gets or sets the experiment's name (also the assignment salt).</summary>
    /// <value>Defaults to <c>ab</c>.</value>
    [Required]
    public string Name { get; set; } = "ab";

    /// <summary>Gets or sets the share of keys assigned to B.</summary>
    /// <value>Defaults to 0.5.</value>
    [Range(0.0, 1.0)]
    public double ShareOfB { get; set; } = 0.5;

    /// <summary>Gets or sets the confidence level of the test (the verdict needs p &lt; 1 − level).</summary>
    /// <value>Defaults to 0.95.</value>
    [Range(0.5, 0.9999)]
    public double ConfidenceLevel { get; set; } = 0.95;
}

/// <summary>A signal and the arm that produced it.</summary>
/// <param name="Variant">The arm.</param>
/// <param name="Signal">The signal.</param>
public sealed record ABSignal(ABVariant Variant, Signal Signal);

/// <summary>
/// Runs two detector variants side by side on one stream: each input goes to the arm its key is assigned to
/// (<see cref="ABAssignment"/>), outcomes are recorded per arm, and <see cref="Evaluate()"/> compares the success rates
/// with a two-proportion z-test and gives a plain verdict. Thread-safe.
/// </summary>
/// <typeparam name="TInput">The input of the detectors.</typeparam>
public sealed class ABTest<TInput>
{
    private readonly ISignalDetector<TInput> _a;
    private readonly ISignalDetector<TInput> _b;
    private readonly Func<TInput, string> _keySelector;
    private readonly ABTestOptions _options;
    private long _successesA;
    private long _trialsA;
    private long _successesB;
    private long _trialsB;

    /// <summary>Creates an A/B comparison.</summary>
    /// <param name="a">The control variant.</param>
    /// <param name="b">The challenger variant.</param>
    /// <param name="keySelector">The assignment key of an input (e.g. the asset or the user).</param>
    /// <param name="options">The options; defaults when null.</param>
    /// <exception cref="ArgumentNullException">A detector or the key selector is null.</exception>
    public ABTest(ISignalDetector<TInput> a, ISignalDetector<TInput> b, Func<TInput, string> keySelector, ABTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(keySelector);
        _a = a;
        _b = b;
        _keySelector = keySelector;
        _options = options ?? new ABTestOptions();
    }

    /// <summary>Gets the arm of a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The arm.</returns>
    public ABVariant Assign(string key) => ABAssignment.Assign(key, _options.ShareOfB, _options.Name);

    /// <summary>Runs both arms on one stream, each on the inputs whose key is assigned to it.</summary>
    /// <param name="source">The input stream.</param>
    /// <param name="scheduler">The scheduler of the detectors.</param>
    /// <returns>The signals of both arms, tagged by arm.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IObservable<ABSignal> Run(IObservable<TInput> source, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(scheduler);
        return source
            .Select(x => (Input: x, Variant: Assign(_keySelector(x) ?? string.Empty)))
            .Publish(shared => Observable.Merge(
                _a.Detect(shared.Where(x => x.Variant == ABVariant.A).Select(x => x.Input), scheduler).Select(s => new ABSignal(ABVariant.A, s)),
                _b.Detect(shared.Where(x => x.Variant == ABVariant.B).Select(x => x.Input), scheduler).Select(s => new ABSignal(ABVariant.B, s))));
    }

    /// <summary>Records the outcome of one trial of an arm (e.g. whether a signal was borne out).</summary>
    /// <param name="variant">The arm.</param>
    /// <param name="success">Whether the trial succeeded.</param>
    public void RecordOutcome(ABVariant variant, bool success)
    {
        if (variant == ABVariant.B)
        {
            Interlocked.Increment(ref _trialsB);
            if (success)
            {
                Interlocked.Increment(ref _successesB);
            }
        }
        else
        {
            Interlocked.Increment(ref _trialsA);
            if (success)
            {
                Interlocked.Increment(ref _successesA);
            }
        }
    }

    /// <summary>Compares the arms on the outcomes recorded so far.</summary>
    /// <returns>The report.</returns>
    public ABTestReport Evaluate() => ABTestReport.Create(
        _options.Name,
        (int)Interlocked.Read(ref _successesA), (int)Interlocked.Read(ref _trialsA),
        (int)Interlocked.Read(ref _successesB), (int)Interlocked.Read(ref _trialsB),
        _options.ConfidenceLevel);
}

/// <summary>The result of an A/B comparison of two success rates.</summary>
public sealed record ABTestReport
{
    /// <summary>Gets the experiment's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets A's trials.</summary>
    public int TrialsA { get; init; }

    /// <summary>Gets A's successes.</summary>
    public int SuccessesA { get; init; }

    /// <summary>Gets A's success rate (NaN without trials).</summary>
    public double RateA { get; init; }

    /// <summary>Gets B's trials.</summary>
    public int TrialsB { get; init; }

    /// <summary>Gets B's successes.</summary>
    public int SuccessesB { get; init; }

    /// <summary>Gets B's success rate (NaN without trials).</summary>
    public double RateB { get; init; }

    /// <summary>Gets rate B − rate A.</summary>
    public double Difference { get; init; }

    /// <summary>Gets the lower bound of the difference's (unpooled Wald) interval.</summary>
    public double DifferenceLow { get; init; }

    /// <summary>Gets the upper bound of the difference's interval.</summary>
    public double DifferenceHigh { get; init; }

    /// <summary>Gets the two-proportion z statistic (pooled; positive when B is higher).</summary>
    public double Z { get; init; }

    /// <summary>Gets the two-sided p-value.</summary>
    public double PValue { get; init; }

    /// <summary>Gets the confidence level used.</summary>
    public double ConfidenceLevel { get; init; }

    /// <summary>Gets the verdict.</summary>
    public ABVerdict Verdict { get; init; }

    /// <summary>Compares two success counts.</summary>
    /// <param name="name">The experiment's name.</param>
    /// <param name="successesA">A's successes.</param>
    /// <param name="trialsA">A's trials.</param>
    /// <param name="successesB">B's successes.</param>
    /// <param name="trialsB">B's trials.</param>
    /// <param name="confidenceLevel">The confidence level (0.95: the verdict needs p &lt; 0.05).</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed trials.</exception>
    public static ABTestReport Create(string name, int successesA, int trialsA, int successesB, int trialsB, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(successesA);
        ArgumentOutOfRangeException.ThrowIfNegative(successesB);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successesA, trialsA);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successesB, trialsB);
        var rateA = trialsA == 0 ? double.NaN : (double)successesA / trialsA;
        var rateB = trialsB == 0 ? double.NaN : (double)successesB / trialsB;
        var (z, p) = TrackStatistics.TwoProportionZ(successesA, trialsA, successesB, trialsB);
        var diff = rateB - rateA;
        var se = trialsA == 0 || trialsB == 0 ? double.NaN : Math.Sqrt((rateA * (1 - rateA) / trialsA) + (rateB * (1 - rateB) / trialsB));
        var q = TrackStatistics.NormalQuantile(confidenceLevel);
        var verdict = trialsA == 0 || trialsB == 0 || p >= 1 - confidenceLevel ? ABVerdict.NotYetSignificant
            : diff > 0 ? ABVerdict.BBetter : ABVerdict.ABetter;
        return new ABTestReport
        {
            Name = name,
            TrialsA = trialsA,
            SuccessesA = successesA,
            RateA = rateA,
            TrialsB = trialsB,
            SuccessesB = successesB,
            RateB = rateB,
            Difference = diff,
            DifferenceLow = diff - (q * se),
            DifferenceHigh = diff + (q * se),
            Z = z,
            PValue = p,
            ConfidenceLevel = confidenceLevel,
            Verdict = verdict,
        };
    }

    /// <summary>Gets the verdict in words, e.g. <c>B better: 61.0 % vs 52.0 % (z = 2.81, p = 0.005)</c>.</summary>
    /// <returns>The text.</returns>
    public string ToSummary()
    {
        var words = Verdict switch
        {
            ABVerdict.ABetter => "A better",
            ABVerdict.BBetter => "B better",
            _ => "not yet significant",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{words}: A {RateA:P1} of {TrialsA} vs B {RateB:P1} of {TrialsB}, difference {Difference:+0.0%;-0.0%} [{DifferenceLow:+0.0%;-0.0%}, {DifferenceHigh:+0.0%;-0.0%}] (z = {Z:0.00}, p = {PValue:0.####})");
    }

    /// <summary>Serialises the report as indented JSON.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, SignalsJsonContext.Default.ABTestReport);
}
