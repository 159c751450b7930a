using System.Reactive.Linq;

namespace CryptoIntel.Signals.Internal;

/// <summary>Builds a detector's cold observable: one engine per subscription, no exception of an input escapes.</summary>
internal static class DetectorObservable
{
    public static IObservable<Signal> Create<TInput>(
        IObservable<TInput> source,
        Func<IDetectorEngine<TInput>> engineFactory,
        DetectorContext context) =>
        Observable.Create<Signal>(observer =>
        {
            var engine = engineFactory();
            return source.Subscribe(
                input =>
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
                        context.Failed(SafeSubject(engine, in input), exception);
                        return;
                    }

                    if (signal is not null)
                    {
                        context.Telemetry.Signal(signal);
                        observer.OnNext(signal);
                    }
                },
                observer.OnError,
                observer.OnCompleted);
        });

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
