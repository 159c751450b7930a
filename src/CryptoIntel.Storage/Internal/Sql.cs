using System.Data.Common;
using System.Globalization;
using System.Text;

namespace CryptoIntel.Storage.Internal;

/// <summary>
/// A SQL text under construction whose every value is a parameter: <see cref="P"/> adds the value and returns the
/// placeholder, so filters can never become SQL text.
/// </summary>
internal sealed class Sql
{
    private readonly StringBuilder _text = new();
    private readonly List<object?> _values = [];

    public Sql(string text = "") => _text.Append(text);

    public Sql Append(string text)
    {
        _text.Append(text);
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string P(object? value)
    {
        _values.Add(value);
        return "@p" + (_values.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Adds one parameter per value and returns the comma-separated placeholders.</summary>
    public string List<T>(IEnumerable<T> values) => string.Join(", ", values.Select(v => P(v)));

    public override string ToString() => _text.ToString();

    public DbCommand Create(DbConnection connection, DbTransaction? transaction, int timeoutSeconds)
    {
        var command = connection.CreateCommand();
        command.CommandText = _text.ToString();
        command.Transaction = transaction;
        command.CommandTimeout = timeoutSeconds;
        for (var i = 0; i < _values.Count; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            p.Value = _values[i] ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }
}

/// <summary>Conversions between the records' types and the columns' (ticks, doubles, 0/1).</summary>
internal static class Db
{
    public static long Ticks(DateTimeOffset value) => value.UtcTicks;

    public static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    public static double Num(decimal value) => (double)value;

    public static object? Num(decimal? value) => value is { } v ? (double)v : null;

    public static decimal Dec(double value) =>
        double.IsFinite(value) ? value >= (double)decimal.MaxValue ? decimal.MaxValue : value <= (double)decimal.MinValue ? decimal.MinValue : (decimal)value : 0m;

    public static string? Str(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    public static long Long(this DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    public static int? IntN(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Int(i);

    public static double Dbl(this DbDataReader r, int i) => Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);

    public static double? DblN(this DbDataReader r, int i) => r.IsDBNull(i) ? null : r.Dbl(i);

    public static decimal DecV(this DbDataReader r, int i) => Dec(r.Dbl(i));

    public static decimal? DecN(this DbDataReader r, int i) => r.IsDBNull(i) ? null : Dec(r.Dbl(i));

    public static DateTimeOffset TimeV(this DbDataReader r, int i) => Time(r.Long(i));

    public static bool Bool(this DbDataReader r, int i) => r.Long(i) != 0;

    /// <summary>Escapes LIKE wildcards (the pattern is used with <c>ESCAPE '\'</c>) and lower-cases.</summary>
    public static string Contains(string text) => "%" + Escape(text) + "%";

    /// <summary>Lower-cases and escapes LIKE wildcards for use with <c>ESCAPE '\'</c>.</summary>
    public static string Escape(string text) =>
        text.Trim().ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static string? Lower(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();
}
