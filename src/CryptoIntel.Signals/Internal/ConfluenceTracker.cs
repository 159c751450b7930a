using System.Globalization;
using System.Reactive.Concurrency;

namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The state of one subscription of the confluence operator: per subject, the latest signal of each detector within
/// the window (data time). Subjects idle for a window on the scheduler's clock are forgotten, swept at most once per
/// window of scheduler time (no timers: an immediate scheduler would block on them).
/// </summary>
internal sealed class ConfluenceTracker(TimeSpan window, int minDetectors, double maxConfidence, int maxSubjects, IScheduler scheduler)
{
    private readonly Dictionary<string, Bucket> _subjects = new(StringComparer.Ordinal);
    private DateTimeOffset _lastSweep = scheduler.Now;

    public Signal? Add(Signal signal)
    {
        if (signal.Kind == SignalKind.Confluence)
        {
            return null;
        }

        var now = scheduler.Now;
        if (now - _lastSweep >= window)
        {
            _lastSweep = now;
            foreach (var (subject, idle) in _subjects)
            {
                if (now - idle.Touched >= window)
                {
                    _subjects.Remove(subject);
                }
            }
        }

        if (!_subjects.TryGetValue(signal.Subject, out var bucket))
        {
            if (_subjects.Count >= maxSubjects)
            {
                ForgetLeastRecentlyTouched();
            }

            bucket = new Bucket(signal.Subject);
            _subjects.Add(signal.Subject, bucket);
        }

        bucket.Touched = now;
        var members = bucket.Members;
        members.RemoveAll(m => (m.DetectedAt - signal.DetectedAt).Duration() > window || m.Detector == signal.Detector);
        members.Add(signal);
        return Evaluate(bucket, signal);
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
            _subjects.Remove(oldest.Subject);
        }
    }

    private sealed class Bucket(string subject)
    {
        public string Subject { get; } = subject;

        public List<Signal> Members { get; } = new(4);

        public DateTimeOffset?[] LastComposite { get; } = new DateTimeOffset?[3];

        public DateTimeOffset Touched { get; set; }
    }
}
