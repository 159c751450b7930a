using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace CryptoIntel.Sources.Internal.Json;

/// <summary>Lenient reading of the number shapes the providers send: JSON numbers (with exponents), numbers in strings,
/// and nulls. A value that does not fit throws a <see cref="JsonException"/> naming it.</summary>
internal static class JsonRead
{
    public static decimal? NullableDecimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var value))
                {
                    return value;
                }

                // Utf8JsonReader refuses some exponent forms that still fit a decimal (e.g. 1.2e-7).
                return ParseDecimal(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? null : ParseDecimal(System.Text.Encoding.UTF8.GetBytes(text));
            default:
                throw new JsonException($"Expected a number, found {reader.TokenType}.");
        }
    }

    public static double? NullableDouble(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.String:
                var text = reader.GetString();
                return string.IsNullOrWhiteSpace(text) ? null
                    : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                    : throw new JsonException($"'{Clip(text)}' is not a number.");
            default:
                throw new JsonException($"Expected a number, found {reader.TokenType}.");
        }
    }

    public static decimal ParseDecimal(ReadOnlySpan<byte> utf8)
    {
        if (Utf8Parser.TryParse(utf8, out decimal value, out var consumed) && consumed == utf8.Length)
        {
            return value;
        }

        if (Utf8Parser.TryParse(utf8, out value, out consumed, 'E') && consumed == utf8.Length)
        {
            return value;
        }

        // Decimal handles 28-29 significant digits and magnitudes below 7.9e28; go through double for long
        // mantissas of in-range values, and say clearly when the magnitude itself is out of range.
        if (double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            if (Math.Abs(d) < 7.9e28)
            {
                return (decimal)d;
            }

            throw new JsonException($"The number {System.Text.Encoding.UTF8.GetString(utf8)} is out of the range of decimal.", null, null, null, new OverflowException());
        }

        throw new JsonException($"'{Clip(System.Text.Encoding.UTF8.GetString(utf8))}' is not a number.");
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
