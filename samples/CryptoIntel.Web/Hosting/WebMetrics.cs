using System.Diagnostics.Metrics;

namespace CryptoIntel.Web.Hosting;

/// <summary>The web host's own instruments (meter <c>CryptoIntel.Web</c>), exported with the rest at <c>/metrics</c>.</summary>
internal sealed class WebMetrics
{
    public const string MeterName = "CryptoIntel.Web";

    private readonly Counter<long> _writes;
    private readonly Counter<long> _validationFailures;

    public WebMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _writes = meter.CreateCounter<long>("cryptointel.web.writes", "{request}", "Watchlist and alert-rule changes accepted.");
        _validationFailures = meter.CreateCounter<long>("cryptointel.web.validation_failures", "{request}", "Requests refused with 400 for bad parameters.");
    }

    public void Write(string resource) => _writes.Add(1, new KeyValuePair<string, object?>("resource", resource));

    public void ValidationFailed(string endpoint) => _validationFailures.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
}
