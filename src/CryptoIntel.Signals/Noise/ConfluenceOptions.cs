using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals;

/// <summary>Options of the confluence operator (<see cref="SignalObservableExtensions.Confluence(IObservable{Signal}, ConfluenceOptions, System.Reactive.Concurrency.IScheduler)"/>).</summary>
public sealed class ConfluenceOptions
{
    /// <summary>Gets or sets the window (data time, between the signals' <see cref="Signal.DetectedAt"/>) within which detectors must agree.</summary>
    /// <value>Defaults to 6 hours.</value>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Gets or sets how many distinct detectors must agree on a subject and a direction.</summary>
    /// <value>Defaults to 2.</value>
    [Range(2, 64)]
    public int MinDetectors { get; set; } = 2;

    /// <summary>Gets or sets the highest confidence of a composite signal.</summary>
    /// <value>Defaults to 0.99.</value>
    [Range(0.5, 1.0)]
    public double MaxConfidence { get; set; } = 0.99;

    /// <summary>Gets or sets the most subjects remembered at once (beyond it the least recently touched are forgotten).</summary>
    /// <value>Defaults to 10,000.</value>
    [Range(1, 10_000_000)]
    public int MaxSubjects { get; set; } = 10_000;
}
