using System.Buffers;
using System.Text.Json;

namespace CryptoIntel.Sources.Internal.Json;

/// <summary>Parses a whole UTF-8 body held in memory.</summary>
internal delegate T Utf8BodyParser<T>(ReadOnlySpan<byte> utf8);

/// <summary>
/// What the hand-written one-pass parsers share: reading the body into one pooled buffer, matching property names
/// against an expected order, and refusing content after the JSON value.
/// </summary>
internal static class Utf8Body
{
    /// <summary>Reads the whole body into a pooled buffer (sized from the stream's length when it knows it) and parses it.</summary>
    public static async ValueTask<T> ParseAsync<T>(Stream body, int initialSize, Utf8BodyParser<T> parse, CancellationToken cancellationToken)
    {
        var size = initialSize;
        if (body.CanSeek)
        {
            try
            {
                size = (int)Math.Clamp(body.Length - body.Position + 1, 16, Array.MaxLength);
            }
            catch (NotSupportedException)
            {
                // a stream that says it can seek but has no length: grow as we read
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Finds the current property name in <paramref name="names"/>, trying <paramref name="hint"/> (the name expected
    /// next, in the provider's usual order) first; -1 for an unknown name.
    /// </summary>
    public static int MatchName(ref Utf8JsonReader reader, byte[][] names, ref int hint)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (reader.ValueTextEquals(names[i]))
                {
                    hint = i + 1;
                    return i;
                }
            }

            return -1;
        }

        var name = reader.ValueSpan;
        if (hint < names.Length && name.SequenceEqual(names[hint]))
        {
            return hint++;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                hint = i + 1;
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws when anything but white space follows the JSON value.</summary>
    public static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("The body has content after its JSON value.");
        }
    }
}
