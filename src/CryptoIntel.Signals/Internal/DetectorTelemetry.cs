using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CryptoIntel.Signals.Internal;

/// <summary>
/// The detectors' metrics on the <c>CryptoIntel.Signals</c> meter: rejected inputs by detector and reason, signals
/// emitted by kind and detector, state resets and evictions. Tags never carry an asset or subject.
/// </summary>
internal sealed class DetectorTelemetry
{
    public const string MeterName = "CryptoIntel.Signals";
    public const string RejectedInputs = "cryptointel.signals.rejected_inputs";
    public const string Emitted = "cryptointel.signals.emitted";
    public const string StateResets = "cryptointel.signals.state_resets";
    public const string StateEvictions = "cryptointel.signals.state_evictions";

    // Used when no IMeterFactory is given (a detector built with `new` outside DI).
    private static readonly Meter FallbackMeter = new(MeterName);

    private readonly Counter<long> _rejected;
    private readonly Counter<long> _emitted;
    private readonly Counter<long> _resets;
    private readonly Counter<long> _evictions;

    public DetectorTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(MeterName) ?? FallbackMeter;
        _rejected = meter.CreateCounter<long>(RejectedInputs, "{input}", "Inputs a detector skipped as bad (NaN, non-positive, out of order, duplicate, over capacity...), by detector and reason.");
        _emitted = meter.CreateCounter<long>(Emitted, "{signal}", "Signals emitted, by kind and detector.");
        _resets = meter.CreateCounter<long>(StateResets, "{reset}", "Per-subject states restarted after a gap or a clock jump, by detector and reason.");
        _evictions = meter.CreateCounter<long>(StateEvictions, "{subject}", "Per-subject states forgotten (inactive, or over the cap), by detector and reason.");
    }

    public void Rejected(string detector, string reason) =>
        _rejected.Add(1, new TagList { { "detector", detector }, { "reason", reason } });

    public void Signal(Signal signal) =>
        _emitted.Add(1, new TagList { { "kind", signal.Kind.Value }, { "detector", signal.Detector } });

    public void Reset(string detector, string reason) =>
        _resets.Add(1, new TagList { { "detector", detector }, { "reason", reason } });

    public void Evicted(string detector, string reason, int count) =>
        _evictions.Add(count, new TagList { { "detector", detector }, { "reason", reason } });
}
