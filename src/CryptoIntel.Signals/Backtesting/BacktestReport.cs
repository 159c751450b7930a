using System.Globalization;
using System.Text;
using System.Text.Json;
using CryptoIntel.Signals.Confidence;
using CryptoIntel.Signals.Internal;

namespace CryptoIntel.Signals.Backtesting;

/// <summary>The track record of one group of signals (all, one detector or one subject).</summary>
/// <remarks>
/// A false positive is a signal that was not borne out, so <see cref="FalsePositiveRate"/> is the share of signals
/// that missed (1 − hit rate) and <see cref="FalsePositives"/> their count. Rates have Wilson intervals; the average
/// forward return a percentile-bootstrap interval.
/// </remarks>
public sealed record BacktestStats
{
    /// <summary>Gets the group: <c>all</c>, a detector name or a subject.</summary>
    public required string Group { get; init; }

    /// <summary>Gets the number of labelled signals.</summary>
    public int Count { get; init; }

    /// <summary>Gets the number of signals borne out.</summary>
    public int Hits { get; init; }

    /// <summary>Gets the number of signals not borne out.</summary>
    public int FalsePositives { get; init; }

    /// <summary>Gets the hit rate (precision).</summary>
    public double HitRate { get; init; }

    /// <summary>Gets the lower bound of the hit rate's Wilson interval.</summary>
    public double HitRateLow { get; init; }

    /// <summary>Gets the upper bound of the hit rate's Wilson interval.</summary>
    public double HitRateHigh { get; init; }

    /// <summary>Gets the false-positive rate (share of signals not borne out).</summary>
    public double FalsePositiveRate { get; init; }

    /// <summary>Gets the lower bound of the false-positive rate's Wilson interval.</summary>
    public double FalsePositiveRateLow { get; init; }

    /// <summary>Gets the upper bound of the false-positive rate's Wilson interval.</summary>
    public double FalsePositiveRateHigh { get; init; }

    /// <summary>Gets the median lead time of the hits, in hours (NaN without hits).</summary>
    public double MedianLeadTimeHours { get; init; }

    /// <summary>Gets the average forward return at the horizon, signed by direction (fraction).</summary>
    public double AverageForwardReturn { get; init; }

    /// <summary>Gets the lower bound of the average forward return's bootstrap interval.</summary>
    public double AverageForwardReturnLow { get; init; }

    /// <summary>Gets the upper bound of the average forward return's bootstrap interval.</summary>
    public double AverageForwardReturnHigh { get; init; }

    /// <summary>Gets the mean confidence of the signals.</summary>
    public double MeanConfidence { get; init; }

    /// <summary>Gets the mean confidence of the hits.</summary>
    public double MeanConfidenceOnHits { get; init; }

    /// <summary>
    /// Gets the Brier score of the confidences as probabilities of a hit: the mean of (confidence − outcome)², 0 is
    /// perfect, 0.25 is what a constant 0.5 scores; lower means the confidence can be read as a probability.
    /// </summary>
    public double BrierScore { get; init; }
}

/// <summary>A track-record report: overall, per detector and per subject, for one scoring path.</summary>
public sealed record BacktestReport
{
    /// <summary>Gets the report's name (the path: <c>rules</c>, <c>ml</c>, ...).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the confidence scorer's name.</summary>
    public required string Scorer { get; init; }

    /// <summary>Gets the confidence a signal needed to be counted.</summary>
    public double MinimumConfidence { get; init; }

    /// <summary>Gets the period reported.</summary>
    public BacktestPeriod Period { get; init; }

    /// <summary>Gets the time split.</summary>
    public DateTimeOffset Split { get; init; }

    /// <summary>Gets the market horizon, in hours.</summary>
    public double HorizonHours { get; init; }

    /// <summary>Gets the market move threshold.</summary>
    public double MoveThreshold { get; init; }

    /// <summary>Gets the number of signals of the period without a label (horizon past the data's end, or no series).</summary>
    public int Unresolved { get; init; }

    /// <summary>Gets the figures of every counted signal.</summary>
    public required BacktestStats Overall { get; init; }

    /// <summary>Gets the figures per detector.</summary>
    public IReadOnlyList<BacktestStats> ByDetector { get; init; } = [];

    /// <summary>Gets the figures per subject (asset, protocol or chain).</summary>
    public IReadOnlyList<BacktestStats> BySubject { get; init; } = [];

    /// <summary>Serialises the report as indented JSON.</summary>
    /// <returns>The JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, SignalsJsonContext.Default.BacktestReport);

    /// <summary>Formats the report as a readable fixed-width table: overall, per detector and (optionally) per subject.</summary>
    /// <param name="includeSubjects">Whether to add a row per subject.</param>
    /// <returns>The table.</returns>
    public string ToTable(bool includeSubjects = true)
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.Append(ci, $"Track record '{Name}' (scorer {Scorer}, min confidence {MinimumConfidence:0.###}), {Period} period from {Split:yyyy-MM-dd}, ")
          .Append(ci, $"hit = move >= {MoveThreshold:P1} within {HorizonHours:0.#} h; unresolved {Unresolved}\n");
        sb.Append(ci, $"{"group",-24} {"n",6} {"hits",6} {"hit rate [95% CI]",-22} {"FP",6} {"FP rate [95% CI]",-22} {"lead h",7} {"avg fwd ret [95% CI]",-28} {"conf",5} {"conf|hit",8}\n");
        void Row(BacktestStats s) => sb.Append(ci,
            $"{Trim(s.Group),-24} {s.Count,6} {s.Hits,6} {Rate(s.HitRate, s.HitRateLow, s.HitRateHigh),-22} {s.FalsePositives,6} {Rate(s.FalsePositiveRate, s.FalsePositiveRateLow, s.FalsePositiveRateHigh),-22} {s.MedianLeadTimeHours,7:0.0} {Ret(s),-28} {s.MeanConfidence,5:0.00} {s.MeanConfidenceOnHits,8:0.00}\n");
        Row(Overall);
        foreach (var s in ByDetector)
        {
            Row(s);
        }

        foreach (var s in includeSubjects ? BySubject : [])
        {
            Row(s);
        }

        return sb.ToString();

        static string Trim(string text) => text.Length <= 24 ? text : text[..23] + "…";
        static string Rate(double r, double lo, double hi) => string.Create(CultureInfo.InvariantCulture, $"{r:P1} [{lo:P1},{hi:P1}]");
        static string Ret(BacktestStats s) => $"{Pct(s.AverageForwardReturn)} [{Pct(s.AverageForwardReturnLow)},{Pct(s.AverageForwardReturnHigh)}]";
        static string Pct(double x) => Math.Abs(x) < 0.00005 ? "0.00%" : (x * 100).ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + "%";
    }

    internal static BacktestReport Create(string name, string scorer, double minimumConfidence, BacktestPeriod period, BacktestOptions options, IReadOnlyList<ScoredOutcome> outcomes, int unresolved) => new()
    {
        Name = name,
        Scorer = scorer,
        MinimumConfidence = minimumConfidence,
        Period = period,
        Split = options.Split,
        HorizonHours = options.Outcome.Horizon.TotalHours,
        MoveThreshold = options.Outcome.MoveThreshold,
        Unresolved = unresolved,
        Overall = Stats("all", outcomes, options),
        ByDetector = [.. outcomes.GroupBy(o => o.Detector, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Stats(g.Key, [.. g], options))],
        BySubject = [.. outcomes.GroupBy(o => o.Subject, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Stats(g.Key, [.. g], options))],
    };

    internal static BacktestStats Stats(string group, IReadOnlyList<ScoredOutcome> outcomes, BacktestOptions options)
    {
        var n = outcomes.Count;
        var hits = outcomes.Count(o => o.Outcome.Hit);
        var (hitLow, hitHigh) = TrackStatistics.Wilson(hits, n, options.ConfidenceLevel);
        var (fpLow, fpHigh) = TrackStatistics.Wilson(n - hits, n, options.ConfidenceLevel);
        var returns = outcomes.Select(o => o.Outcome.ForwardReturn).ToArray();
        var (retLow, retHigh) = TrackStatistics.BootstrapMean(returns, options.ConfidenceLevel, options.BootstrapResamples, options.Seed);
        var leads = outcomes.Where(o => o.Outcome.LeadTime is not null).Select(o => o.Outcome.LeadTime!.Value.TotalHours).ToArray();
        return new BacktestStats
        {
            Group = group,
            Count = n,
            Hits = hits,
            FalsePositives = n - hits,
            HitRate = n == 0 ? double.NaN : (double)hits / n,
            HitRateLow = hitLow,
            HitRateHigh = hitHigh,
            FalsePositiveRate = n == 0 ? double.NaN : (double)(n - hits) / n,
            FalsePositiveRateLow = fpLow,
            FalsePositiveRateHigh = fpHigh,
            MedianLeadTimeHours = TrackStatistics.Median(leads),
            AverageForwardReturn = TrackStatistics.Mean(returns),
            AverageForwardReturnLow = retLow,
            AverageForwardReturnHigh = retHigh,
            MeanConfidence = n == 0 ? double.NaN : outcomes.Average(o => o.Confidence),
            MeanConfidenceOnHits = hits == 0 ? double.NaN : outcomes.Where(o => o.Outcome.Hit).Average(o => o.Confidence),
            BrierScore = n == 0 ? double.NaN : outcomes.Average(o => Math.Pow(o.Confidence - (o.Outcome.Hit ? 1 : 0), 2)),
        };
    }
}

/// <summary>The comparison of the rule-based path with the ML-scored path on the reported period (the issue's targets).</summary>
/// <param name="Rules">The rule-based path's report.</param>
/// <param name="Ml">The ML-scored path's report.</param>
public sealed record BacktestComparison(BacktestReport Rules, BacktestReport Ml)
{
    /// <summary>Gets the cut in false positives: 1 − FP(ml) / FP(rules) (0.3 = 30 % fewer).</summary>
    public double FalsePositiveReduction => Rules.Overall.FalsePositives == 0 ? 0 : 1 - ((double)Ml.Overall.FalsePositives / Rules.Overall.FalsePositives);

    /// <summary>Gets the ML path's hits divided by the rules path's hits (≥ 1: equal or better hit count).</summary>
    public double HitCountRatio => Rules.Overall.Hits == 0 ? double.NaN : (double)Ml.Overall.Hits / Rules.Overall.Hits;

    /// <summary>Gets the uplift of the mean confidence on hits: ml / rules − 1 (0.2 = 20 % higher).</summary>
    public double ConfidenceUplift => Ml.Overall.MeanConfidenceOnHits / Rules.Overall.MeanConfidenceOnHits - 1;

    /// <summary>Gets a value indicating whether the ML path cuts false positives by at least 30 % at an equal or better hit count.</summary>
    public bool MeetsFalsePositiveTarget => FalsePositiveReduction >= 0.30 && Ml.Overall.Hits >= Rules.Overall.Hits;

    /// <summary>Gets a value indicating whether the ML path's mean confidence on hits is at least 20 % higher.</summary>
    public bool MeetsConfidenceTarget => ConfidenceUplift >= 0.20;

    /// <summary>Formats the comparison as readable lines.</summary>
    /// <returns>The text.</returns>
    public string ToTable()
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(ci, $"{"path",-8} {"signals",8} {"hits",6} {"FP",6} {"hit rate",9} {"conf|hit",9} {"Brier",6}\n");
        foreach (var r in (BacktestReport[])[Rules, Ml])
        {
            sb.Append(ci, $"{r.Name,-8} {r.Overall.Count,8} {r.Overall.Hits,6} {r.Overall.FalsePositives,6} {r.Overall.HitRate,9:P1} {r.Overall.MeanConfidenceOnHits,9:0.000} {r.Overall.BrierScore,6:0.000}\n");
        }

        sb.Append(ci, $"false positives cut {FalsePositiveReduction:P1} (target >= 30 %), hits ml/rules {HitCountRatio:0.000} (target >= 1): {(MeetsFalsePositiveTarget ? "MET" : "NOT MET")}\n");
        sb.Append(ci, $"mean confidence on hits uplift {ConfidenceUplift:P1} (target >= 20 %): {(MeetsConfidenceTarget ? "MET" : "NOT MET")}\n");
        return sb.ToString();
    }
}
