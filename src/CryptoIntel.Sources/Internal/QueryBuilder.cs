using System.Globalization;
using System.Text;

namespace CryptoIntel.Sources.Internal;

/// <summary>Builds a relative URI with every path segment and query value escaped, so caller-supplied values can
/// neither add parameters nor climb paths.</summary>
internal struct QueryBuilder
{
    private readonly StringBuilder _builder;
    private bool _hasQuery;

    public QueryBuilder(string path)
    {
        _builder = new StringBuilder(path, 128);
        _hasQuery = path.Contains('?', StringComparison.Ordinal);
    }

    /// <summary>Escapes one path segment; refuses empty, <c>.</c> and <c>..</c>.</summary>
    public static string Segment(string value, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        if (value is "." or "..")
        {
            throw new ArgumentException("A path segment cannot be '.' or '..'.", parameterName);
        }

        return Uri.EscapeDataString(value);
    }

    public QueryBuilder Add(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_hasQuery ? '&' : '?').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    public QueryBuilder Add(string name, int? value) =>
        value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string name, long? value) =>
        value is { } v ? Add(name, v.ToString(CultureInfo.InvariantCulture)) : this;

    public QueryBuilder Add(string name, bool? value) =>
        value is { } v ? Add(name, v ? "true" : "false") : this;

    public QueryBuilder Add(string name, IEnumerable<string>? values) =>
        values is null ? this : Add(name, string.Join(',', values) is { Length: > 0 } joined ? joined : null);

    public override readonly string ToString() => _builder.ToString();
}
