namespace CryptoIntel.Signals.Internal;

/// <summary>The state machine of one subscription of a detector: one input in, at most one signal out.</summary>
internal interface IDetectorEngine<TInput>
{
    /// <summary>Gets the detector's context (name, telemetry, logger).</summary>
    DetectorContext Context { get; }

    /// <summary>Processes one input; bad input is counted and skipped, never thrown.</summary>
    Signal? Process(in TInput input);

    /// <summary>What the input is about, for logs.</summary>
    string SubjectOf(in TInput input);
}

/// <summary>
/// A built-in detector whose work is an <see cref="IDetectorEngine{TInput}"/>: several of them over one stream run in
/// one subscription (see <see cref="DetectorObservable.Create{TInput}(IObservable{TInput}, IEngineDetector{TInput}[])"/>)
/// instead of a Publish and a Merge per input.
/// </summary>
internal interface IEngineDetector<TInput> : ISignalDetector<TInput>
{
    /// <summary>Creates the state machine of one subscription.</summary>
    IDetectorEngine<TInput> CreateEngine();
}
