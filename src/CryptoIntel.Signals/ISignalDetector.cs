using System.Reactive.Concurrency;

namespace CryptoIntel.Signals;

/// <summary>
/// A detector: an Rx operator from a typed input stream to signals. Every time-based step runs on the given
/// <see cref="IScheduler"/>, so a detector runs the same in production, in a backtest and in a virtual-time test.
/// </summary>
/// <typeparam name="TInput">The input record (e.g. <see cref="MarketTick"/>).</typeparam>
/// <remarks>
/// A detector never lets an exception escape its chain because of bad input (NaN, negative or zero values,
/// out-of-order or duplicate observations): it counts and logs the observation and goes on.
/// </remarks>
public interface ISignalDetector<TInput>
{
    /// <summary>Gets the detector's name, e.g. <c>volume-spike</c> (the <see cref="Signal.Detector"/> of what it emits).</summary>
    string Name { get; }

    /// <summary>Gets the detector's version (the <see cref="Signal.DetectorVersion"/> of what it emits).</summary>
    string Version { get; }

    /// <summary>Applies the detector to a stream.</summary>
    /// <param name="source">The input stream.</param>
    /// <param name="scheduler">The scheduler for every time-based step.</param>
    /// <returns>The signals, in detection order.</returns>
    IObservable<Signal> Detect(IObservable<TInput> source, IScheduler scheduler);
}
