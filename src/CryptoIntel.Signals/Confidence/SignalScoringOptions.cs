using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// Options of <see cref="ISignalScoring"/>: which detectors are scored by the ML model (a feature flag per detector
/// with a percentage rollout), the confidence a signal needs to pass, and the outcome rule of the live track record.
/// Bound from <c>CryptoIntel:Signals:Scoring</c>.
/// </summary>
public sealed class SignalScoringOptions
{
    /// <summary>Gets or sets a model file written by the <c>train-confidence</c> command; null for the model in the package.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Gets or sets the confidence an ML-scored signal needs to pass; null for the model's recommended threshold.</summary>
    [Range(0.0, 1.0)]
    public double? MinimumConfidence { get; set; }

    /// <summary>Gets or sets the confidence a rules-scored signal needs to pass.</summary>
    /// <value>Defaults to 0 (every signal passes).</value>
    [Range(0.0, 1.0)]
    public double RulesMinimumConfidence { get; set; }

    /// <summary>Gets or sets the flag of detectors that <see cref="Detectors"/> does not name.</summary>
    /// <value>Defaults to ML off.</value>
    [Required]
    [ValidateObjectMembers]
    public DetectorScoringOptions Default { get; set; } = new();

    /// <summary>Gets the flag per detector name (e.g. <c>volume-spike</c>), case-insensitive.</summary>
    public IDictionary<string, DetectorScoringOptions> Detectors { get; } = new Dictionary<string, DetectorScoringOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets the outcome rule and the windows of the context features.</summary>
    [Required]
    [ValidateObjectMembers]
    public SignalOutcomeOptions Outcome { get; set; } = new();

    internal DetectorScoringOptions For(string detector) =>
        Detectors.TryGetValue(detector, out var options) ? options : Default;
}

/// <summary>The ML feature flag of one detector.</summary>
public sealed class DetectorScoringOptions
{
    /// <summary>Gets or sets a value indicating whether the ML confidence model scores this detector's signals.</summary>
    /// <value>Defaults to false.</value>
    public bool UseMl { get; set; }

    /// <summary>
    /// Gets or sets the percentage of subjects (assets, protocols) whose signals the model scores when <see cref="UseMl"/>
    /// is on; a subject is in or out deterministically (a stable hash of detector and subject), so it does not flip.
    /// </summary>
    /// <value>Defaults to 100.</value>
    [Range(0.0, 100.0)]
    public double RolloutPercent { get; set; } = 100;
}
