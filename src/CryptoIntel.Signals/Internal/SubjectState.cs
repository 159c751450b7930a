namespace CryptoIntel.Signals.Internal;

/// <summary>The per-subject state every keyed engine keeps: data time of the last input, and the out-of-order run.</summary>
internal abstract class SubjectState
{
    public long LastTicks;
    public int OutOfOrderRun;

    /// <summary>Forgets the statistics (a gap or a clock jump): the subject warms up again.</summary>
    public abstract void Reset();
}
