using System.Globalization;
using System.Reactive.Concurrency;

namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The state of one subscription of the confluence operator: per subject, the latest signal of each detector within
/// the window (data time). Thread-safe: the expiry timers run on the scheduler, signals arrive on the source's thread.
/// </summary>
internal sealed class ConfluenceTracker(TimeSpan window, int minDetectors, double maxConfidence, int maxSubjects, IScheduler scheduler) : IDisposable
{
    private readonly Dictionary<string, Bucket> _subjects = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private bool _disposed;

    public Signal? Add(Signal signal)
    {
        if (signal.Kind == SignalKind.Confluence)
        {
            return null;
        }

        lock (_gate)
        {
            if (_disposed)
            {
                return null;
            }

            if (!_subjects.TryGetValue(signal.Subject, out var bucket))
            {
                if (_subjects.Count >= maxSubjects)
                {
                    ForgetLeastRecentlyTouched();
                }

                bucket = new Bucket(signal.Subject);
                _subjects.Add(signal.Subject, bucket);
                bucket.Timer = scheduler.Schedule(bucket, window, Expire);
            }

            bucket.Touched = scheduler.Now;
            var members = bucket.Members;
            members.RemoveAll(m => (m.DetectedAt - signal.DetectedAt).Duration() > window || m.Detector == signal.Detector);
            members.Add(signal);
            return Evaluate(bucket, signal);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var bucket in _subjects.Values)
            {
                bucket.Timer?.Dispose();
            }

            _subjects.Clear();
        }
    }

    private Signal? Evaluate(Bucket bucket, Signal trigger)
    {
        foreach (var direction in trigger.Direction == SignalDirection.Neutral
                     ? [SignalDirection.Up, SignalDirection.Down, SignalDirection.Neutral]
                     : (ReadOnlySpan<SignalDirection>)[trigger.Direction])
        {
            int agreeing = 0, pointing = 0;
            foreach (var member in bucket.Members)
            {
                if (member.Direction == direction || member.Direction == SignalDirection.Neutral)
                {
                    agreeing++;
                    pointing += member.Direction == direction ? 1 : 0;
                }
            }

            if (agreeing < minDetectors || (direction != SignalDirection.Neutral && pointing == 0)
                || (direction == SignalDirection.Neutral && agreeing != bucket.Members.Count))
            {
                continue;
            }

            var slot = (int)direction;
            if (bucket.LastComposite[slot] is { } last && (trigger.DetectedAt - last).Duration() < window)
            {
                continue;
            }

            bucket.LastComposite[slot] = trigger.DetectedAt;
            return Compose(bucket, direction, trigger.DetectedAt);
        }

        return null;
    }

    private Signal Compose(Bucket bucket, SignalDirection direction, DateTimeOffset at)
    {
        var evidence = new List<SignalEvidence>(bucket.Members.Count + 1);
        var names = new List<string>(bucket.Members.Count);
        var allWrong = 1.0;
        AssetId? asset = null;
        foreach (var member in bucket.Members)
        {
            if (member.Direction != direction && member.Direction != SignalDirection.Neutral)
            {
                continue;
            }

            allWrong *= 1 - Math.Clamp(member.Confidence, 0, 1);
            evidence.Add(new SignalEvidence(member.Detector, member.Confidence));
            names.Add(member.Detector);
            asset ??= member.Asset;
        }

        evidence.Add(new SignalEvidence("detectors", names.Count, minDetectors));
        var confidence = Math.Min(maxConfidence, 1 - allWrong);
        var subject = bucket.Subject;
        return new Signal(
            Signal.CreateId(SignalKind.Confluence, subject, SignalObservableExtensions.ConfluenceDetector, SignalObservableExtensions.ConfluenceVersion, at),
            SignalKind.Confluence,
            subject,
            direction,
            names.Count,
            confidence,
            at,
            SignalObservableExtensions.ConfluenceDetector,
            SignalObservableExtensions.ConfluenceVersion)
        {
            Asset = asset,
            Evidence = evidence,
            Summary = string.Create(CultureInfo.InvariantCulture,
                $"{subject}: {names.Count} detectors agree{(direction == SignalDirection.Neutral ? string.Empty : " " + direction.ToString().ToLowerInvariant())} ({string.Join(", ", names)})"),
        };
    }

    private IDisposable Expire(IScheduler self, Bucket bucket)
    {
        lock (_gate)
        {
            if (_disposed || !_subjects.TryGetValue(bucket.Subject, out var current) || !ReferenceEquals(current, bucket))
            {
                return System.Reactive.Disposables.Disposable.Empty;
            }

            var idle = self.Now - bucket.Touched;
            if (idle >= window)
            {
                _subjects.Remove(bucket.Subject);
            }
            else
            {
                bucket.Timer = self.Schedule(bucket, window - idle, Expire);
            }
        }

        return System.Reactive.Disposables.Disposable.Empty;
    }

    private void ForgetLeastRecentlyTouched()
    {
        Bucket? oldest = null;
        foreach (var bucket in _subjects.Values)
        {
            if (oldest is null || bucket.Touched < oldest.Touched)
            {
                oldest = bucket;
            }
        }

        if (oldest is not null)
        {
            oldest.Timer?.Dispose();
            _subjects.Remove(oldest.Subject);
        }
    }

    private sealed class Bucket(string subject)
    {
        public string Subject { get; } = subject;

        public List<Signal> Members { get; } = new(4);

        public DateTimeOffset?[] LastComposite { get; } = new DateTimeOffset?[3];

        public DateTimeOffset Touched { get; set; }

        public IDisposable? Timer { get; set; }
    }
}
