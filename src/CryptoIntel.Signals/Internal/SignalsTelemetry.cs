using System.Diagnostics.Metrics;

namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The scoring metrics on the <c>CryptoIntel.Signals</c> meter (the detectors' own are in <see cref="DetectorTelemetry"/>).
/// A meter from an <see cref="IMeterFactory"/> is owned by the factory, so it is never disposed here.
/// </summary>
internal sealed class SignalsTelemetry
{
    public const string Fallbacks = "cryptointel.signals.scoring.fallbacks";

    // Used when no IMeterFactory is given (a scorer built with `new` outside DI).
    private static readonly Meter FallbackMeter = new(DetectorTelemetry.MeterName);

    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _scored;

    public SignalsTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(DetectorTelemetry.MeterName) ?? FallbackMeter;
        _fallbacks = meter.CreateCounter<long>(Fallbacks, "{signal}", "Signals the ML confidence model could not score (model missing, corrupt or failing): the rules answered, by detector and reason.");
        _scored = meter.CreateCounter<long>("cryptointel.signals.scoring.scored", "{signal}", "Signals scored, by scorer.");
    }

    public void Fallback(string detector, string reason) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("detector", detector), new KeyValuePair<string, object?>("reason", reason));

    public void Scored(string scorer) => _scored.Add(1, new KeyValuePair<string, object?>("scorer", scorer));
}
