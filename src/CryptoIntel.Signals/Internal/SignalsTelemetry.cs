using System.Diagnostics.Metrics;

namespace CryptoIntel.Signals.Internal;

/// <summary>The metrics of the signals package: a <see cref="Meter"/> named <c>CryptoIntel.Signals</c>.</summary>
internal sealed class SignalsTelemetry : IDisposable
{
    public const string Name = "CryptoIntel.Signals";

    private readonly Meter _meter;
    private readonly Counter<long> _fallbacks;
    private readonly Counter<long> _scored;

    public SignalsTelemetry(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _fallbacks = _meter.CreateCounter<long>("cryptointel.signals.scoring.fallbacks", "{signal}", "Signals the ML confidence model could not score (model missing, corrupt or failing): the rules answered.");
        _scored = _meter.CreateCounter<long>("cryptointel.signals.scoring.scored", "{signal}", "Signals scored, by scorer.");
    }

    public void Fallback(string detector, string reason) =>
        _fallbacks.Add(1, new KeyValuePair<string, object?>("detector", detector), new KeyValuePair<string, object?>("reason", reason));

    public void Scored(string scorer) => _scored.Add(1, new KeyValuePair<string, object?>("scorer", scorer));

    public void Dispose() => _meter.Dispose();
}
