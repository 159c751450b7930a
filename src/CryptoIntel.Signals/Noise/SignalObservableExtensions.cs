using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using CryptoIntel.Signals.Internal;
using CryptoIntel.Signals.Internal.Validators;

namespace CryptoIntel.Signals;

/// <summary>
/// Noise control over signal streams: per subject and kind cool-down, de-duplication by id, and confluence (a
/// composite signal when several detectors agree). Cold, lazily started operators with one state per subscription.
/// </summary>
public static class SignalObservableExtensions
{
    /// <summary>The detector name of composite signals.</summary>
    public const string ConfluenceDetector = "confluence";

    /// <summary>The detector version of composite signals.</summary>
    public const string ConfluenceVersion = "1.0.0";

    /// <summary>
    /// Drops a signal when a signal of the same subject and kind passed less than <paramref name="period"/> before it
    /// (data time: <see cref="Signal.DetectedAt"/>, so a replay behaves like live).
    /// </summary>
    /// <param name="source">The signals.</param>
    /// <param name="period">The cool-down.</param>
    /// <param name="maxKeys">The most (subject, kind) pairs remembered; beyond it those past their cool-down are forgotten, and if none is, all.</param>
    /// <returns>The signals that passed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is negative or <paramref name="maxKeys"/> is not positive.</exception>
    public static IObservable<Signal> CoolDown(this IObservable<Signal> source, TimeSpan period, int maxKeys = 100_000)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKeys);
        return Observable.Create<Signal>(observer =>
        {
            var last = new Dictionary<(string Subject, SignalKind Kind), DateTimeOffset>();
            return source.Subscribe(
                signal =>
                {
                    var key = (signal.Subject, signal.Kind);
                    if (last.TryGetValue(key, out var previous) && (signal.DetectedAt - previous).Duration() < period)
                    {
                        return;
                    }

                    if (last.Count >= maxKeys && !last.ContainsKey(key))
                    {
                        Trim(last, signal.DetectedAt - period, maxKeys);
                    }

                    last[key] = signal.DetectedAt;
                    observer.OnNext(signal);
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }

    /// <summary>Drops a signal whose <see cref="Signal.Id"/> was already seen among the last <paramref name="capacity"/> ids.</summary>
    /// <param name="source">The signals.</param>
    /// <param name="capacity">How many recent ids are remembered.</param>
    /// <returns>The signals with new ids.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is not positive.</exception>
    public static IObservable<Signal> DistinctSignals(this IObservable<Signal> source, int capacity = 100_000)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        return Observable.Create<Signal>(observer =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var order = new Queue<string>();
            return source.Subscribe(
                signal =>
                {
                    if (!seen.Add(signal.Id))
                    {
                        return;
                    }

                    order.Enqueue(signal.Id);
                    if (order.Count > capacity)
                    {
                        seen.Remove(order.Dequeue());
                    }

                    observer.OnNext(signal);
                },
                observer.OnError,
                observer.OnCompleted);
        });
    }

    /// <summary>
    /// Emits a composite <see cref="SignalKind.Confluence"/> signal when at least
    /// <see cref="ConfluenceOptions.MinDetectors"/> distinct detectors fired on one subject in one direction within
    /// <see cref="ConfluenceOptions.Window"/> (data time). Neutral signals (a volume spike, a news surge) support either
    /// direction, but at least one member must point the way; if all members are neutral the composite is neutral.
    /// The input signals are not forwarded (see <see cref="WithConfluence"/>).
    /// </summary>
    /// <remarks>
    /// The composite's confidence is <c>min(MaxConfidence, 1 − Π(1 − cᵢ))</c> over the latest signal of each agreeing
    /// detector: the chance that not all of them are wrong if they erred independently, so it is higher than any
    /// member's. Its magnitude is the number of agreeing detectors; its evidence lists each member (name: detector,
    /// value: confidence) and the count against <c>MinDetectors</c>. One composite per subject and direction per window.
    /// The <paramref name="scheduler"/> forgets a subject a window after it was last touched (scheduler time), which
    /// bounds memory on a live stream; membership itself is judged on data time.
    /// </remarks>
    /// <param name="source">The signals of several detectors.</param>
    /// <param name="options">The options.</param>
    /// <param name="scheduler">The scheduler of the expiry timers.</param>
    /// <returns>The composite signals.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static IObservable<Signal> Confluence(this IObservable<Signal> source, ConfluenceOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        DetectorOptionsValidation.ThrowIfInvalid(options);
        var window = options.Window;
        var minDetectors = options.MinDetectors;
        var maxConfidence = options.MaxConfidence;
        var maxSubjects = options.MaxSubjects;
        return Observable.Create<Signal>(observer =>
        {
            var tracker = new ConfluenceTracker(window, minDetectors, maxConfidence, maxSubjects, scheduler);
            var subscription = source.Subscribe(
                signal =>
                {
                    if (tracker.Add(signal) is { } composite)
                    {
                        observer.OnNext(composite);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
            return new CompositeDisposable(subscription, tracker);
        });
    }

    /// <summary>The signals followed, where detectors agree, by their composite <see cref="SignalKind.Confluence"/> signals.</summary>
    /// <param name="source">The signals of several detectors.</param>
    /// <param name="options">The options.</param>
    /// <param name="scheduler">The scheduler of the expiry timers.</param>
    /// <returns>The signals and the composites.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IObservable<Signal> WithConfluence(this IObservable<Signal> source, ConfluenceOptions options, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scheduler);
        return source.Publish(shared => shared.Merge(shared.Confluence(options, scheduler)));
    }

    private static void Trim<TKey>(Dictionary<TKey, DateTimeOffset> last, DateTimeOffset cutoff, int maxKeys)
        where TKey : notnull
    {
        foreach (var (key, at) in last)
        {
            if (at < cutoff)
            {
                last.Remove(key);
            }
        }

        if (last.Count >= maxKeys)
        {
            last.Clear();
        }
    }
}
