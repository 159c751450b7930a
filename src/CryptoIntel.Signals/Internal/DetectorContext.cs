using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CryptoIntel.Signals.Internal;

/// <summary>What every engine of one detector shares: its name and version, logger and metrics; builds its signals.</summary>
internal sealed class DetectorContext
{
    public DetectorContext(string name, string version, ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        Name = name;
        Version = version;
        Logger = loggerFactory?.CreateLogger("CryptoIntel.Signals.Detectors." + name) ?? NullLogger.Instance;
        Telemetry = new DetectorTelemetry(meterFactory);
    }

    public string Name { get; }

    public string Version { get; }

    public ILogger Logger { get; }

    public DetectorTelemetry Telemetry { get; }

    public void Reject(string reason, string subject)
    {
        Telemetry.Rejected(Name, reason);
        Log.InputRejected(Logger, Name, subject, reason);
    }

    public void Failed(string subject, Exception exception)
    {
        Telemetry.Rejected(Name, RejectReason.Error);
        Log.DetectorFailed(Logger, Name, subject, exception);
    }

    public void Reset(string subject, string reason)
    {
        Telemetry.Reset(Name, reason);
        Log.StateReset(Logger, Name, subject, reason);
    }

    public void Evicted(int count, string reason)
    {
        if (count > 0)
        {
            Telemetry.Evicted(Name, reason, count);
            Log.StatesEvicted(Logger, Name, count, reason);
        }
    }

    public Signal CreateSignal(
        SignalKind kind,
        string subject,
        AssetId? asset,
        SignalDirection direction,
        double magnitude,
        double confidence,
        DateTimeOffset detectedAt,
        SignalEvidence[] evidence,
        string summary) =>
        new(Signal.CreateId(kind, subject, Name, Version, detectedAt), kind, subject, direction, magnitude,
            RuleConfidence.Clamp(confidence), detectedAt, Name, Version)
        {
            Asset = asset,
            Evidence = evidence,
            Summary = summary,
        };

    public static SignalDirection ToDirection(int sign) => sign switch
    {
        > 0 => SignalDirection.Up,
        < 0 => SignalDirection.Down,
        _ => SignalDirection.Neutral,
    };
}
