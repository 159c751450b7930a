using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.DefiLlama.Internal;

/// <summary>
/// A hand-written parser for the DeFi Llama <c>/protocols</c> list: reads the body into a pooled buffer and walks it
/// once with a <see cref="Utf8JsonReader"/>. Same model and semantics as the source-generated parse it replaces
/// (<see cref="DefiLlamaJsonContext"/> with the lenient converters): <c>id</c> and <c>cmcId</c> as strings, numbers or
/// booleans; numbers in strings, exponents and nulls; unknown properties skipped; the last duplicate wins; a field
/// left out is null like a JSON <c>null</c> (the serializer sets every init-only property). A value of the wrong type or out of
/// range, and malformed or truncated JSON, are <see cref="JsonException"/>s carrying the JSON path
/// (e.g. <c>$[3].tvl</c>), line and byte position.
/// </summary>
internal static class ProtocolsParser
{
    private const int InitialBufferSize = 256 * 1024;
    private const int CacheSize = 256;
    private const int MaxCachedLength = 48;

    private const int Id = 0, Name = 1, Symbol = 2, GeckoId = 3, CmcId = 4, Category = 5, Chains = 6, Slug = 7, Tvl = 8, ChainTvls = 9,
        Change1h = 10, Change1d = 11, Change7d = 12, Mcap = 13;

    // The characters for which the serializer writes a dictionary key in a path as ['key'] rather than .key.
    private static readonly SearchValues<char> PathSpecial = SearchValues.Create(". '/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029");

    // In the order DeFi Llama sends them: the next expected name is tried first.
    private static readonly byte[][] Names =
    [
        "id"u8.ToArray(), "name"u8.ToArray(), "symbol"u8.ToArray(), "gecko_id"u8.ToArray(), "cmcId"u8.ToArray(), "category"u8.ToArray(),
        "chains"u8.ToArray(), "slug"u8.ToArray(), "tvl"u8.ToArray(), "chainTvls"u8.ToArray(), "change_1h"u8.ToArray(),
        "change_1d"u8.ToArray(), "change_7d"u8.ToArray(), "mcap"u8.ToArray(),
    ];

    /// <summary>Reads the whole body and parses it (see <see cref="Parse"/>).</summary>
    /// <param name="body">The response body.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The protocols, as DeFi Llama orders them (a JSON <c>null</c> row stays null).</returns>
    public static ValueTask<IReadOnlyList<DefiLlamaProtocol>> ParseAsync(Stream body, CancellationToken cancellationToken) =>
        Utf8Body.ParseAsync(body, InitialBufferSize, Parse, cancellationToken);

    /// <summary>Parses a whole <c>/protocols</c> body.</summary>
    /// <param name="utf8">The body, UTF-8 (a byte order mark is skipped).</param>
    /// <returns>The protocols, as DeFi Llama orders them (a JSON <c>null</c> row stays null).</returns>
    /// <exception cref="JsonException">The body is not a list of protocols.</exception>
    public static IReadOnlyList<DefiLlamaProtocol> Parse(ReadOnlySpan<byte> utf8)
    {
        var json = utf8 is [0xEF, 0xBB, 0xBF, ..] ? utf8[3..] : utf8; // a UTF-8 byte order mark, as the serializer skips it
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        var state = new Position(json);
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                Utf8Body.EnsureEnd(ref reader);
                throw new JsonException("The body is the JSON literal null.");
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw state.Error(ref reader, "The JSON value could not be converted to a list of protocols.");
            }

            var scratch = new Scratch();
            var rows = new List<DefiLlamaProtocol>(Math.Max(4, json.Length / 1500));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                state.Index = rows.Count;
                state.Property = -1;
                rows.Add(reader.TokenType switch
                {
                    JsonTokenType.StartObject => ReadRow(ref reader, ref state, scratch),
                    JsonTokenType.Null => null!, // as the serializer does: a null row stays null
                    _ => throw state.Error(ref reader, "The JSON value could not be converted to a protocol."),
                });
            }

            state.Index = -1;
            Utf8Body.EnsureEnd(ref reader);
            return rows;
        }
        catch (JsonException error) when (error.Path is null && error.LineNumber is not null)
        {
            // The reader's own errors (malformed or truncated JSON): add where it happened, as the serializer does.
            throw new JsonException(error.Message, state.Path(), error.LineNumber, error.BytePositionInLine, error);
        }
    }

    private static DefiLlamaProtocol ReadRow(ref Utf8JsonReader reader, ref Position state, Scratch scratch)
    {
        // A field left out is null, not the model's default ("", [] or an empty map): the source-generated parse sets
        // every init-only property, absent ones to null, and this parser keeps exactly its results.
        string? id = null, name = null, symbol = null, geckoId = null, cmcId = null, category = null, slug = null;
        List<string>? chains = null;
        Dictionary<string, decimal?>? chainTvls = null;
        decimal? tvl = null, change1h = null, change1d = null, change7d = null, mcap = null;
        var hint = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader, ref hint);
            state.Property = field;
            reader.Read();
            switch (field)
            {
                case Id: id = LenientString(ref reader, ref state); break;
                case Name: name = String(ref reader, ref state); break;
                case Symbol: symbol = String(ref reader, ref state); break;
                case GeckoId: geckoId = String(ref reader, ref state); break;
                case CmcId: cmcId = LenientString(ref reader, ref state); break;
                case Category: category = reader.TokenType == JsonTokenType.String ? scratch.String(ref reader) : String(ref reader, ref state); break;
                case Chains: chains = ReadChains(ref reader, ref state, scratch); break;
                case Slug: slug = String(ref reader, ref state); break;
                case Tvl: tvl = Decimal(ref reader, ref state); break;
                case ChainTvls: chainTvls = ReadChainTvls(ref reader, ref state, scratch); break;
                case Change1h: change1h = Decimal(ref reader, ref state); break;
                case Change1d: change1d = Decimal(ref reader, ref state); break;
                case Change7d: change7d = Decimal(ref reader, ref state); break;
                case Mcap: mcap = Decimal(ref reader, ref state); break;
                default: reader.Skip(); break;
            }
        }

        state.Property = -1;
        return new DefiLlamaProtocol
        {
            Id = id,
            Name = name!,
            Slug = slug,
            Symbol = symbol,
            Category = category,
            Chains = chains!,
            Tvl = tvl,
            ChainTvls = chainTvls!,
            Change1h = change1h,
            Change1d = change1d,
            Change7d = change7d,
            MarketCap = mcap,
            GeckoId = geckoId,
            CmcId = cmcId,
        };
    }

    private static int Match(ref Utf8JsonReader reader, ref int hint) => Utf8Body.MatchName(ref reader, Names, ref hint);

    private static List<string>? ReadChains(ref Utf8JsonReader reader, ref Position state, Scratch scratch)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw state.Error(ref reader, "The JSON value could not be converted to a list of chains.");
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            state.Element = count;
            var chain = reader.TokenType switch
            {
                JsonTokenType.String => scratch.String(ref reader),
                JsonTokenType.Null => null,
                _ => throw state.Error(ref reader, $"Expected a string, found {reader.TokenType}."),
            };
            Scratch.Add(ref scratch.Chains, count++, chain!);
        }

        state.Element = -1;
        var list = new List<string>(count);
        list.AddRange(scratch.Chains.AsSpan(0, count));
        Array.Clear(scratch.Chains, 0, count);
        return list;
    }

    private static Dictionary<string, decimal?>? ReadChainTvls(ref Utf8JsonReader reader, ref Position state, Scratch scratch)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw state.Error(ref reader, "The JSON value could not be converted to a map of TVL per chain.");
        }

        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = scratch.String(ref reader);
            state.Key = key;
            reader.Read();
            Scratch.Add(ref scratch.Keys, count, key);
            scratch.AddValue(count++, Decimal(ref reader, ref state));
        }

        state.Key = null;
        var map = new Dictionary<string, decimal?>(count);
        for (var i = 0; i < count; i++)
        {
            map[scratch.Keys[i]] = scratch.Values[i]; // the last duplicate wins, as with the serializer
        }

        Array.Clear(scratch.Keys, 0, count);
        return map;
    }

    private static string? String(ref Utf8JsonReader reader, ref Position state) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw state.Error(ref reader, $"Expected a string, found {reader.TokenType}."),
    };

    // As LenientStringConverter: a string, a number's text, true or false.
    private static string? LenientString(ref Utf8JsonReader reader, ref Position state) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw state.Error(ref reader, $"Expected a string, found {reader.TokenType}."),
    };

    private static decimal? Decimal(ref Utf8JsonReader reader, ref Position state)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        try
        {
            return JsonRead.NullableDecimal(ref reader);
        }
        catch (JsonException error)
        {
            throw state.Error(ref reader, error.Message, error.InnerException);
        }
        catch (Exception error) when (error is FormatException or OverflowException or InvalidOperationException)
        {
            throw state.Error(ref reader, error.Message, error);
        }
    }

    /// <summary>Reusable per-parse space: the chains and TVL entries of the row being read, and a cache of the
    /// short strings that repeat across rows (chain names, categories), so each is allocated once per parse.</summary>
    private sealed class Scratch
    {
        private readonly string?[] _cache = new string?[CacheSize];

        public string[] Chains = new string[16];

        public string[] Keys = new string[32];

        public decimal?[] Values = new decimal?[32];

        public static void Add(ref string[] items, int index, string item)
        {
            if (index == items.Length)
            {
                Array.Resize(ref items, items.Length * 2);
            }

            items[index] = item;
        }

        public void AddValue(int index, decimal? value)
        {
            if (index >= Values.Length)
            {
                Array.Resize(ref Values, Math.Max(Values.Length * 2, index + 1));
            }

            Values[index] = value;
        }

        // A string token or property name; short unescaped ASCII ones come from the cache.
        public string String(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return reader.GetString()!;
            }

            var utf8 = reader.ValueSpan;
            if (utf8.Length == 0 || utf8.Length > MaxCachedLength)
            {
                return reader.GetString()!;
            }

            var hash = (uint)utf8.Length;
            foreach (var b in utf8)
            {
                hash = (hash ^ b) * 16777619u;
            }

            ref var slot = ref _cache[hash % CacheSize];
            if (slot is { } cached && System.Text.Ascii.Equals(utf8, cached))
            {
                return cached;
            }

            var text = reader.GetString()!;
            if (System.Text.Ascii.IsValid(utf8))
            {
                slot = text;
            }

            return text;
        }
    }

    /// <summary>Where the parser is, for error messages: <c>$[row].property</c>, line and byte in line.</summary>
    private ref struct Position(ReadOnlySpan<byte> json)
    {
        private readonly ReadOnlySpan<byte> _json = json;

        public int Index { get; set; } = -1;

        public int Property { get; set; } = -1;

        public int Element { get; set; } = -1;

        public string? Key { get; set; }

        public readonly string Path()
        {
            if (Index < 0)
            {
                return "$";
            }

            var path = new StringBuilder();
            path.Append(CultureInfo.InvariantCulture, $"$[{Index}]");
            if (Property >= 0)
            {
                path.Append('.').Append(Encoding.UTF8.GetString(Names[Property]));
                if (Element >= 0)
                {
                    path.Append(CultureInfo.InvariantCulture, $"[{Element}]");
                }
                else if (Key is not null)
                {
                    // As the serializer writes a dictionary key: .key, or ['key'] when it has characters a path uses.
                    if (Key.AsSpan().ContainsAny(PathSpecial))
                    {
                        path.Append("['").Append(Key.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
                    }
                    else
                    {
                        path.Append('.').Append(Key);
                    }
                }
            }

            return path.ToString();
        }

        public readonly JsonException Error(ref Utf8JsonReader reader, string message, Exception? inner = null)
        {
            // The reader does not expose its line; count it (only on the error path).
            var before = _json[..(int)Math.Min(reader.TokenStartIndex, _json.Length)];
            var line = before.Count((byte)'\n');
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            return new JsonException(message, Path(), line, before.Length - lineStart, inner);
        }
    }
}
