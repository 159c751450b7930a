namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The shared part of the detectors' engines: input checks, per-subject state in a dictionary with a cap and
/// eviction after inactivity (data time), ordering (duplicates and out-of-order inputs are skipped; a run of
/// <see cref="ResyncAfter"/> out-of-order inputs is taken as a clock jump and restarts the subject), and gaps
/// (longer than <see cref="SignalDetectorOptions.MaxGap"/> restart the subject's statistics).
/// </summary>
internal abstract class KeyedEngine<TInput, TKey, TState> : IDetectorEngine<TInput>
    where TKey : notnull
    where TState : SubjectState
{
    /// <summary>Out-of-order inputs in a row for one subject after which its clock is taken to have jumped back.</summary>
    public const int ResyncAfter = 3;

    /// <summary>Inputs between two sweeps for inactive subjects.</summary>
    public const int SweepEvery = 4096;

    private readonly Dictionary<TKey, TState> _states;
    private readonly int _maxSubjects;
    private readonly long _evictAfter;
    private readonly long _maxGap;
    private long _clock = long.MinValue;
    private int _sinceSweep;

    protected KeyedEngine(DetectorContext context, SignalDetectorOptions options, IEqualityComparer<TKey>? comparer = null)
    {
        Context = context;
        _maxSubjects = options.MaxSubjects;
        _evictAfter = options.EvictAfter.Ticks;
        _maxGap = options.MaxGap.Ticks;
        CoolDown = options.CoolDown.Ticks;
        _states = new Dictionary<TKey, TState>(Math.Min(_maxSubjects, 1024), comparer);
    }

    public DetectorContext Context { get; }

    /// <summary>Gets the cool-down in ticks.</summary>
    protected long CoolDown { get; }

    /// <summary>Gets a value indicating whether inputs of one subject must come in time order (else per-source checks are the engine's).</summary>
    protected virtual bool CheckOrder => true;

    /// <summary>Gets a value indicating whether several inputs of one subject may share a timestamp (news items).</summary>
    protected virtual bool AllowEqualTimestamps => false;

    internal int SubjectCount => _states.Count;

    public Signal? Process(in TInput input)
    {
        if (!Accepts(in input))
        {
            return null;
        }

        if (Validate(in input) is { } reason)
        {
            Context.Reject(reason, SubjectOf(in input));
            return null;
        }

        var t = TimestampOf(in input).UtcTicks;
        if (t > _clock)
        {
            _clock = t;
        }

        if (++_sinceSweep >= SweepEvery)
        {
            _sinceSweep = 0;
            Context.Evicted(Sweep(_clock - _evictAfter), RejectReason.Inactive);
        }

        var key = KeyOf(in input);
        if (!_states.TryGetValue(key, out var state))
        {
            if (_states.Count >= _maxSubjects && !MakeRoom())
            {
                Context.Reject(RejectReason.Capacity, SubjectOf(in input));
                return null;
            }

            state = CreateState(in input);
            state.LastTicks = t;
            _states.Add(key, state);
            return Update(state, in input, t);
        }

        if (CheckOrder && (t < state.LastTicks || (t == state.LastTicks && !AllowEqualTimestamps)))
        {
            if (t == state.LastTicks)
            {
                Context.Reject(RejectReason.Duplicate, SubjectOf(in input));
                return null;
            }

            if (++state.OutOfOrderRun < ResyncAfter)
            {
                Context.Reject(RejectReason.OutOfOrder, SubjectOf(in input));
                return null;
            }

            state.Reset();
            Context.Reset(SubjectOf(in input), RejectReason.ClockJump);
        }
        else if (t - state.LastTicks > _maxGap)
        {
            state.Reset();
            Context.Reset(SubjectOf(in input), RejectReason.Gap);
        }

        state.OutOfOrderRun = 0;
        if (t > state.LastTicks || CheckOrder)
        {
            state.LastTicks = t;
        }

        return Update(state, in input, t);
    }

    public abstract string SubjectOf(in TInput input);

    /// <summary>Whether the detector looks at this input at all (e.g. the de-peg detector only at stablecoins); others pass silently.</summary>
    protected virtual bool Accepts(in TInput input) => true;

    /// <summary>Checks the values of an input; returns a <see cref="RejectReason"/> or null when it is usable.</summary>
    protected abstract string? Validate(in TInput input);

    protected abstract DateTimeOffset TimestampOf(in TInput input);

    protected abstract TKey KeyOf(in TInput input);

    protected abstract TState CreateState(in TInput input);

    /// <summary>Updates the subject's statistics with an ordered, valid input; returns a signal when it fires.</summary>
    protected abstract Signal? Update(TState state, in TInput input, long ticks);

    private int Sweep(long cutoff)
    {
        var removed = 0;
        foreach (var (key, state) in _states)
        {
            if (state.LastTicks < cutoff)
            {
                _states.Remove(key);
                removed++;
            }
        }

        return removed;
    }

    // At the cap: forget subjects inactive for EvictAfter, then for half of it, a quarter... until one goes.
    private bool MakeRoom()
    {
        var window = _evictAfter;
        for (var round = 0; round < 16 && _states.Count >= _maxSubjects; round++)
        {
            var removed = Sweep(_clock - window);
            Context.Evicted(removed, round == 0 ? RejectReason.Inactive : RejectReason.OverCapacity);
            window /= 2;
        }

        return _states.Count < _maxSubjects;
    }
}
