using System.Reactive.Linq;

namespace CryptoIntel.Signals.Internal;

/// <summary>
/// Builds detectors' cold observables: one engine per detector and subscription, no exception of an input escapes.
/// Several detectors over one stream share one subscription: each input goes through the engines in the order given
/// and their signals come out in that order (what a Publish and a Merge of the detectors would emit, without the
/// per-input cost of the fan-out).
/// </summary>
internal static class DetectorObservable
{
    public static IObservable<Signal> Create<TInput>(IObservable<TInput> source, params IEngineDetector<TInput>[] detectors) =>
        Observable.Create<Signal>(observer =>
        {
            var engines = new IDetectorEngine<TInput>[detectors.Length];
            for (var i = 0; i < engines.Length; i++)
            {
                engines[i] = detectors[i].CreateEngine();
            }

            return engines.Length == 1
                ? source.Subscribe(input => Step(engines[0], in input, observer), observer.OnError, observer.OnCompleted)
                : source.Subscribe(
                    input =>
                    {
                        foreach (var engine in engines)
                        {
                            Step(engine, in input, observer);
                        }
                    },
                    observer.OnError,
                    observer.OnCompleted);
        });

    private static void Step<TInput>(IDetectorEngine<TInput> engine, in TInput input, IObserver<Signal> observer)
    {
        Signal? signal;
        try
        {
            signal = engine.Process(in input);
        }
#pragma warning disable CA1031 // a bug or a bad input must not end the stream: counted, logged, skipped
        catch (Exception exception) when (exception is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            engine.Context.Failed(SafeSubject(engine, in input), exception);
            return;
        }

        if (signal is not null)
        {
            engine.Context.Telemetry.Signal(signal);
            observer.OnNext(signal);
        }
    }

    private static string SafeSubject<TInput>(IDetectorEngine<TInput> engine, in TInput input)
    {
        try
        {
            return engine.SubjectOf(in input);
        }
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
            return "?";
        }
    }
}
