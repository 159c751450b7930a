namespace CryptoIntel.Signals.Internal;

/// <summary>
/// Hysteresis and cool-down of one subject: fire when a candidate direction appears that is not already active and
/// the cool-down since the last firing has passed (data time); an active direction is re-armed (cleared) only when
/// the score falls back below the exit threshold. So a detector fires on a change of state, not on every tick.
/// </summary>
internal struct FireGate
{
    private long _lastFired;
    private bool _hasFired;

    /// <summary>Gets the active direction: +1, −1, or 0 (armed).</summary>
    public int Active { readonly get; private set; }

    /// <summary>Steps the gate.</summary>
    /// <param name="candidate">+1 / −1 when the entry condition holds in that direction this tick, else 0.</param>
    /// <param name="holdsAboveExit">Whether the active direction's score is still at or above its exit threshold.</param>
    /// <param name="now">The data time (ticks).</param>
    /// <param name="coolDown">The cool-down (ticks).</param>
    /// <returns>The direction fired, or 0.</returns>
    public int Step(int candidate, bool holdsAboveExit, long now, long coolDown)
    {
        if (Active != 0 && !holdsAboveExit)
        {
            Active = 0;
        }

        if (candidate == 0 || candidate == Active)
        {
            return 0;
        }

        if (_hasFired && now - _lastFired < coolDown)
        {
            return 0;
        }

        Active = candidate;
        _lastFired = now;
        _hasFired = true;
        return candidate;
    }

    public void Reset() => this = default;
}
