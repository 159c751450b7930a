using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CryptoIntel.Storage.Internal;

/// <summary>An opaque keyset cursor: the sort's tag, the last item's sort key and its id.</summary>
internal readonly record struct Cursor(string Tag, string Key, string Id)
{
    public static string Encode(string tag, double key, string id) => Encode(tag, key.ToString("R", CultureInfo.InvariantCulture), id);

    public static string Encode(string tag, long key, string id) => Encode(tag, key.ToString(CultureInfo.InvariantCulture), id);

    public static string Encode(string tag, string key, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("c1\n" + tag + "\n" + key + "\n" + id));

    /// <summary>Decodes a cursor made for <paramref name="tag"/>, or returns null for no cursor.</summary>
    /// <exception cref="InvalidCursorException">The cursor is malformed or was made for another query.</exception>
    public static Cursor? Decode(string? cursor, string tag)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        string text;
        try
        {
            text = cursor.Length > 2048 ? throw new FormatException() : Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException e)
        {
            throw new InvalidCursorException("The cursor is malformed.", e);
        }

        var parts = text.Split('\n');
        if (parts.Length != 4 || parts[0] != "c1")
        {
            throw new InvalidCursorException("The cursor is malformed.");
        }

        if (parts[1] != tag)
        {
            throw new InvalidCursorException("The cursor was made for another query or sort order.");
        }

        return new Cursor(parts[1], parts[2], parts[3]);
    }

    public double DoubleKey => double.TryParse(Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) ? d : throw new InvalidCursorException("The cursor's key is not a number.");

    public long LongKey => long.TryParse(Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw new InvalidCursorException("The cursor's key is not an integer.");
}
