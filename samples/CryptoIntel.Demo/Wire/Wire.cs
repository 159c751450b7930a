using System.Buffers;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CryptoIntel.Demo.Wire;

/// <summary>One simulated answer: status, content type and body.</summary>
internal sealed record WireResponse(int Status, string ContentType, byte[] Body)
{
    public static WireResponse Json(Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new WireResponse(status, "application/json; charset=utf-8", buffer.WrittenSpan.ToArray());
    }

    public static WireResponse Xml(string text, string contentType = "application/rss+xml; charset=utf-8") =>
        new(200, contentType, Encoding.UTF8.GetBytes(text));

    public static WireResponse NotFound(string message) =>
        Json(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        }, 404);
}

/// <summary>What a route needs from a request.</summary>
internal sealed class WireRequest(Uri uri)
{
    private readonly NameValueCollection _query = System.Web.HttpUtility.ParseQueryString(uri.Query);

    public string Path { get; } = uri.AbsolutePath.TrimEnd('/');

    public string Host { get; } = uri.Host;

    public string? this[string name] => _query[name];

    public int Int(string name, int fallback, int min = 1, int max = int.MaxValue) =>
        int.TryParse(_query[name], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, min, max) : fallback;

    public string[] List(string name, char separator = ',') =>
        _query[name] is { Length: > 0 } text ? text.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>The segments after the one named <paramref name="marker"/>, e.g. for <c>/api/v3/coins/bitcoin</c> and <c>coins</c>: <c>[bitcoin]</c>.</summary>
    public string[] After(string marker)
    {
        var segments = Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.LastIndexOf(segments, marker);
        return index < 0 ? [] : segments[(index + 1)..];
    }

    public bool EndsWith(string tail) => Path.EndsWith(tail, StringComparison.OrdinalIgnoreCase);
}

internal static class WireFormat
{
    /// <summary>A double as a decimal with about ten significant digits (no exponent on the wire).</summary>
    public static decimal D(double value)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return 0;
        }

        var digits = Math.Clamp(9 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 18);
        return Math.Round((decimal)value, digits);
    }

    public static string S(double value) => D(value).ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void Number(this Utf8JsonWriter writer, string name, double value) => writer.WriteNumber(name, D(value));

    public static void Number(this Utf8JsonWriter writer, double value) => writer.WriteNumberValue(D(value));

    public static double Change(RingSeries series, int back) =>
        series.Kept < 2 ? 0 : 100 * ((series.Back(0) / series.Back(back)) - 1);
}
