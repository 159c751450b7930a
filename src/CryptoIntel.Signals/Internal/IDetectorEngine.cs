namespace CryptoIntel.Signals.Internal;

/// <summary>The state machine of one subscription of a detector: one input in, at most one signal out.</summary>
internal interface IDetectorEngine<TInput>
{
    /// <summary>Processes one input; bad input is counted and skipped, never thrown.</summary>
    Signal? Process(in TInput input);

    /// <summary>What the input is about, for logs.</summary>
    string SubjectOf(in TInput input);
}
