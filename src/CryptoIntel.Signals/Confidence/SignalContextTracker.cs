using CryptoIntel.Signals.Internal;

namespace CryptoIntel.Signals.Confidence;

/// <summary>
/// Keeps what a confidence scorer needs to know at detection time: recent prices, volumes and TVL per subject,
/// Bitcoin's regime, the signals of the last hours (confluence) and each detector's resolved outcomes (its recent hit
/// rate). Outcomes resolve only as later observations arrive, so a context never uses the future. Thread-safe; memory
/// per subject is bounded (8 days of observations, at most 20,000 points; at most 1,024 unresolved and 256 recent signals).
/// </summary>
public sealed class SignalContextTracker
{
    private const int MaxPoints = 20_000;
    private const int MaxPending = 1_024;
    private const int MaxRecentSignals = 256;
    private static readonly TimeSpan Keep = TimeSpan.FromDays(8);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly SignalOutcomeOptions _options;
    private readonly Dictionary<string, SubjectState> _subjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Hits, int Count)> _detectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a tracker.</summary>
    /// <param name="options">The outcome rule and windows; defaults when null.</param>
    public SignalContextTracker(SignalOutcomeOptions? options = null) => _options = options ?? new SignalOutcomeOptions();

    /// <summary>Records a market observation (bad values are ignored) and resolves pending signals on its asset.</summary>
    /// <param name="tick">The observation.</param>
    public void Observe(MarketTick tick)
    {
        if (tick.Asset.IsEmpty)
        {
            return;
        }

        Observe(tick.Asset.Value, tick.Timestamp, tick.Price, tick.Volume);
    }

    /// <summary>Records a TVL observation (bad values are ignored) and resolves pending signals on its subject.</summary>
    /// <param name="observation">The observation.</param>
    public void Observe(TvlObservation observation)
    {
        if (string.IsNullOrEmpty(observation.Subject))
        {
            return;
        }

        Observe(observation.Subject, observation.Timestamp, observation.TvlUsd, 0);
    }

    /// <summary>Records a sentiment reading of an asset (the latest one is the context's <see cref="SignalContext.Sentiment"/>).</summary>
    /// <param name="observation">The reading.</param>
    public void Observe(SentimentObservation observation)
    {
        if (observation.Asset.IsEmpty || !double.IsFinite(observation.Score))
        {
            return;
        }

        lock (_gate)
        {
            GetState(observation.Asset.Value).Sentiment = Math.Clamp(observation.Score, -1, 1);
        }
    }

    /// <summary>
    /// Captures the context of a signal at its detection time, then remembers the signal (for confluence and, once
    /// resolved by later observations, for its detector's hit rate).
    /// </summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="signal"/> is null.</exception>
    public SignalContext Capture(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var key = KeyOf(signal);
        var t = signal.DetectedAt;
        lock (_gate)
        {
            var state = GetState(key);
            var stats = state.Stats(t);
            var btc = _subjects.TryGetValue(AssetId.Bitcoin.Value, out var b) ? b.Stats(t) : MarketStats.Unknown;
            var detectorState = state.Detector(signal.Detector);
            var (hits, count) = _detectors.TryGetValue(signal.Detector, out var d) ? d : (0, 0);
            var recentHits = detectorState.Recent.Count(static h => h);
            var confluence = state.RecentSignals
                .Where(s => s.Time >= t - _options.ConfluenceWindow && s.Time <= t && !string.Equals(s.Detector, signal.Detector, StringComparison.Ordinal))
                .Select(s => s.Detector).Distinct(StringComparer.Ordinal).Count();
            var context = new SignalContext
            {
                Return4h = stats.Ret4,
                Return24h = stats.Ret24,
                Return7d = stats.Ret7,
                RangePosition24h = stats.Range24,
                Volatility24h = stats.Vol24,
                Volatility7d = stats.Vol7,
                VolatilityRatio = stats.Vol7 > 0 ? stats.Vol24 / stats.Vol7 : double.NaN,
                VolumeRatio = stats.VolumeRatio,
                BtcReturn24h = btc.Ret24,
                BtcReturn7d = btc.Ret7,
                BtcVolatilityRatio = btc.Vol7 > 0 ? btc.Vol24 / btc.Vol7 : double.NaN,
                ConfluenceCount = confluence,
                RecentHitRate = (recentHits + 1.0) / (detectorState.Recent.Count + 2.0),
                RecentOutcomes = detectorState.Recent.Count,
                DetectorHitRate = (hits + 1.0) / (count + 2.0),
                HoursSinceLastSignal = detectorState.LastSignal is { } last ? (t - last).TotalHours : double.NaN,
                Sentiment = state.Sentiment,
                MoveProbability = MoveProbability(stats, signal.Direction, _options.RuleFor(key)),
            };

            detectorState.LastSignal = t;
            state.RecentSignals.Enqueue((t, signal.Detector));
            while (state.RecentSignals.Count > 0 && (state.RecentSignals.Count > MaxRecentSignals || state.RecentSignals.Peek().Time < t - _options.ConfluenceWindow))
            {
                state.RecentSignals.Dequeue();
            }

            if (state.Count > 0 && state.LastValue is { } entry)
            {
                var (horizon, threshold) = _options.RuleFor(key);
                if (state.Pending.Count >= MaxPending)
                {
                    state.Pending.RemoveAt(0); // a subject without new observations: forget its oldest unresolved signal
                }

                state.Pending.Add(new Pending(signal.Detector, t, signal.Direction, entry, t + horizon, threshold));
            }

            return context;
        }
    }

    /// <summary>
    /// P(max excursion ≥ threshold within the horizon) of a driftless Gaussian walk: 2·(1 − Φ(threshold / σ√steps)), doubled
    /// (capped at 1) for a neutral signal, which counts a move either way.
    /// </summary>
    internal static double MoveProbability(in MarketStats stats, SignalDirection direction, (TimeSpan Horizon, double Threshold) rule)
    {
        var vol24 = double.IsFinite(stats.Vol24) ? stats.Vol24 : stats.Vol7;
        var vol7 = double.IsFinite(stats.Vol7) ? Math.Min(stats.Vol7, 0.5) : vol24;
        if (!double.IsFinite(vol24) || !double.IsFinite(stats.StepHours) || stats.StepHours <= 0)
        {
            return double.NaN;
        }

        var sigma = Math.Sqrt(((vol24 * vol24) + (vol7 * vol7)) / 2) * Math.Sqrt(Math.Max(1, rule.Horizon.TotalHours / stats.StepHours));
        if (sigma <= 0)
        {
            return 0;
        }

        var barrier = Math.Log(1 + rule.Threshold);
        var p = 2 * NormalTail(barrier / sigma);
        return Math.Min(1, direction == SignalDirection.Neutral ? 2 * p : p);
    }

    /// <summary>1 − Φ(x) for x ≥ 0 (Abramowitz and Stegun 26.2.17, absolute error below 7.5e-8).</summary>
    internal static double NormalTail(double x)
    {
        if (x < 0)
        {
            return 1 - NormalTail(-x);
        }

        var t = 1 / (1 + (0.2316419 * x));
        var poly = t * (0.319381530 + (t * (-0.356563782 + (t * (1.781477937 + (t * (-1.821255978 + (t * 1.330274429))))))));
        return Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI) * poly;
    }

    internal static string KeyOf(Signal signal) =>
        signal.Asset is { IsEmpty: false } asset ? asset.Value : signal.Subject;

    private void Observe(string key, DateTimeOffset time, double value, double volume)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return;
        }

        lock (_gate)
        {
            var state = GetState(key);
            if (!state.Add(time, value, double.IsFinite(volume) && volume > 0 ? volume : 0))
            {
                return;
            }

            for (var i = state.Pending.Count - 1; i >= 0; i--)
            {
                var p = state.Pending[i];
                bool? hit = null;
                if (time <= p.End && OutcomeRule.Aligned(p.Direction, (value / p.Entry) - 1) >= p.Threshold)
                {
                    hit = true;
                }
                else if (time > p.End)
                {
                    hit = false;
                }

                if (hit is { } h)
                {
                    state.Pending.RemoveAt(i);
                    var recent = state.Detector(p.Detector).Recent;
                    recent.Enqueue(h);
                    while (recent.Count > _options.RecentOutcomes)
                    {
                        recent.Dequeue();
                    }

                    var (hits, count) = _detectors.TryGetValue(p.Detector, out var d) ? d : (0, 0);
                    _detectors[p.Detector] = (hits + (h ? 1 : 0), count + 1);
                }
            }
        }
    }

    private SubjectState GetState(string key)
    {
        if (!_subjects.TryGetValue(key, out var state))
        {
            state = new SubjectState();
            _subjects[key] = state;
        }

        return state;
    }

    internal readonly record struct MarketStats(double Ret4, double Ret24, double Ret7, double Range24, double Vol24, double Vol7, double VolumeRatio, double StepHours)
    {
        public static MarketStats Unknown => new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
    }

    private sealed record Pending(string Detector, DateTimeOffset Time, SignalDirection Direction, double Entry, DateTimeOffset End, double Threshold);

    private sealed class DetectorState
    {
        public Queue<bool> Recent { get; } = new();

        public DateTimeOffset? LastSignal { get; set; }
    }

    private sealed class SubjectState
    {
        private readonly List<DateTimeOffset> _times = [];
        private readonly List<double> _values = [];
        private readonly List<double> _volumes = [];
        private readonly Dictionary<string, DetectorState> _detectors = new(StringComparer.Ordinal);

        public List<Pending> Pending { get; } = [];

        public Queue<(DateTimeOffset Time, string Detector)> RecentSignals { get; } = new();

        public double Sentiment { get; set; } = double.NaN;

        public int Count => _times.Count;

        public double? LastValue => _values.Count > 0 ? _values[^1] : null;

        public DetectorState Detector(string name)
        {
            if (!_detectors.TryGetValue(name, out var state))
            {
                state = new DetectorState();
                _detectors[name] = state;
            }

            return state;
        }

        public bool Add(DateTimeOffset time, double value, double volume)
        {
            if (_times.Count > 0 && time <= _times[^1])
            {
                return false;
            }

            _times.Add(time);
            _values.Add(value);
            _volumes.Add(volume);
            var cut = 0;
            while (cut < _times.Count && (_times[cut] < time - Keep || _times.Count - cut > MaxPoints))
            {
                cut++;
            }

            if (cut > 256 || (cut > 0 && _times.Count > MaxPoints))
            {
                _times.RemoveRange(0, cut);
                _values.RemoveRange(0, cut);
                _volumes.RemoveRange(0, cut);
            }

            return true;
        }

        public MarketStats Stats(DateTimeOffset t)
        {
            var end = Upper(t) - 1;
            if (end < 1)
            {
                return MarketStats.Unknown;
            }

            var now = _values[end];
            var fourStart = Lower(t - TimeSpan.FromHours(4));
            var dayStart = Lower(t - Day);
            var weekStart = Lower(t - Week);
            var ret4 = fourStart < end ? (now / _values[fourStart]) - 1 : double.NaN;
            var ret24 = dayStart < end ? (now / _values[dayStart]) - 1 : double.NaN;
            var ret7 = weekStart < end && _times[weekStart] <= t - Week + Day ? (now / _values[weekStart]) - 1 : double.NaN;
            double high = double.MinValue, low = double.MaxValue, dayVolume = 0, weekVolume = 0;
            for (var i = weekStart; i <= end; i++)
            {
                if (i > weekStart)
                {
                    weekVolume += _volumes[i];
                }

                if (i >= dayStart)
                {
                    high = Math.Max(high, _values[i]);
                    low = Math.Min(low, _values[i]);
                    if (i > dayStart)
                    {
                        dayVolume += _volumes[i];
                    }
                }
            }

            var range = high > low ? (now - low) / (high - low) : double.NaN;
            var span = (_times[end] - _times[weekStart]).TotalDays;
            var volumeRatio = weekVolume > 0 && span >= 2 ? dayVolume / (weekVolume / span) : double.NaN;
            var stepHours = end > weekStart ? (_times[end] - _times[weekStart]).TotalHours / (end - weekStart) : double.NaN;
            return new MarketStats(ret4, ret24, ret7, range, StdLogReturns(dayStart, end), StdLogReturns(weekStart, end), volumeRatio, stepHours);
        }

        private double StdLogReturns(int from, int to)
        {
            var n = to - from;
            if (n < 3)
            {
                return double.NaN;
            }

            double sum = 0, sumSq = 0;
            for (var i = from + 1; i <= to; i++)
            {
                var r = Math.Log(_values[i] / _values[i - 1]);
                sum += r;
                sumSq += r * r;
            }

            var mean = sum / n;
            return Math.Sqrt(Math.Max(0, (sumSq / n) - (mean * mean)));
        }

        private int Lower(DateTimeOffset time)
        {
            var i = _times.BinarySearch(time);
            return i >= 0 ? i : ~i;
        }

        private int Upper(DateTimeOffset time)
        {
            var i = _times.BinarySearch(time);
            return i >= 0 ? i + 1 : ~i;
        }
    }
}
