using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.CoinGecko.Internal;

/// <summary>
/// A hand-written parser for <c>/coins/markets</c> pages: reads the body into a pooled buffer and walks it once with a
/// <see cref="Utf8JsonReader"/>. Same model and semantics as the source-generated parse it replaces
/// (<see cref="CoinGeckoJsonContext"/> with the lenient converters): numbers in strings, exponents and nulls are
/// read; unknown properties are skipped; the last duplicate wins; a missing <c>id</c>, a value of the wrong type or
/// out of range, and malformed or truncated JSON are <see cref="JsonException"/>s carrying the JSON path
/// (e.g. <c>$[3].current_price</c>), line and byte position.
/// </summary>
internal static class CoinMarketsParser
{
    private const int InitialBufferSize = 64 * 1024;

    // In the order CoinGecko sends them: the next expected name is tried first.
    private static readonly byte[][] Names =
    [
        "id"u8.ToArray(), "symbol"u8.ToArray(), "name"u8.ToArray(), "image"u8.ToArray(), "current_price"u8.ToArray(),
        "market_cap"u8.ToArray(), "market_cap_rank"u8.ToArray(), "fully_diluted_valuation"u8.ToArray(), "total_volume"u8.ToArray(),
        "high_24h"u8.ToArray(), "low_24h"u8.ToArray(), "price_change_24h"u8.ToArray(), "price_change_percentage_24h"u8.ToArray(),
        "market_cap_change_24h"u8.ToArray(), "market_cap_change_percentage_24h"u8.ToArray(), "circulating_supply"u8.ToArray(),
        "total_supply"u8.ToArray(), "max_supply"u8.ToArray(), "ath"u8.ToArray(), "ath_change_percentage"u8.ToArray(),
        "ath_date"u8.ToArray(), "atl"u8.ToArray(), "atl_change_percentage"u8.ToArray(), "atl_date"u8.ToArray(), "roi"u8.ToArray(),
        "last_updated"u8.ToArray(), "price_change_percentage_1h_in_currency"u8.ToArray(), "price_change_percentage_7d_in_currency"u8.ToArray(),
    ];

    public static ValueTask<IReadOnlyList<CoinMarket>> ParseAsync(Stream body, CancellationToken cancellationToken) =>
        Utf8Body.ParseAsync(body, InitialBufferSize, Parse, cancellationToken);

    public static IReadOnlyList<CoinMarket> Parse(ReadOnlySpan<byte> utf8)
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
                throw state.Error(ref reader, "The JSON value could not be converted to a list of coin markets.");
            }

            var rows = new List<CoinMarket>(Math.Max(4, json.Length / 900));
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                state.Index = rows.Count;
                state.Property = null;
                rows.Add(reader.TokenType switch
                {
                    JsonTokenType.StartObject => ReadRow(ref reader, ref state),
                    JsonTokenType.Null => null!, // as the serializer does: a null row stays null
                    _ => throw state.Error(ref reader, "The JSON value could not be converted to a coin market."),
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

    private static CoinMarket ReadRow(ref Utf8JsonReader reader, ref Position state)
    {
        string? id = null;
        var hasId = false;
        // A field left out is null, not the model's "" default: the source-generated parse sets every init-only
        // property, absent ones to null, and this parser keeps exactly its results.
        string? symbol = null, name = null, image = null;
        decimal? currentPrice = null, marketCap = null, fdv = null, totalVolume = null, high = null, low = null, priceChange = null,
            priceChangePercentage = null, marketCapChange = null, marketCapChangePercentage = null, ath = null, athChange = null,
            atl = null, atlChange = null, change1h = null, change7d = null;
        long? rank = null;
        double? circulating = null, total = null, max = null;
        DateTimeOffset? athDate = null, atlDate = null, lastUpdated = null;
        CoinRoi? roi = null;
        var hint = 0;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader, ref hint);
            state.Property = field >= 0 ? Names[field] : null;
            reader.Read();
            switch (field)
            {
                case 0: id = String(ref reader, ref state); hasId = true; break;
                case 1: symbol = String(ref reader, ref state); break;
                case 2: name = String(ref reader, ref state); break;
                case 3: image = String(ref reader, ref state); break;
                case 4: currentPrice = Decimal(ref reader, ref state); break;
                case 5: marketCap = Decimal(ref reader, ref state); break;
                case 6: rank = Int64(ref reader, ref state); break;
                case 7: fdv = Decimal(ref reader, ref state); break;
                case 8: totalVolume = Decimal(ref reader, ref state); break;
                case 9: high = Decimal(ref reader, ref state); break;
                case 10: low = Decimal(ref reader, ref state); break;
                case 11: priceChange = Decimal(ref reader, ref state); break;
                case 12: priceChangePercentage = Decimal(ref reader, ref state); break;
                case 13: marketCapChange = Decimal(ref reader, ref state); break;
                case 14: marketCapChangePercentage = Decimal(ref reader, ref state); break;
                case 15: circulating = Double(ref reader, ref state); break;
                case 16: total = Double(ref reader, ref state); break;
                case 17: max = Double(ref reader, ref state); break;
                case 18: ath = Decimal(ref reader, ref state); break;
                case 19: athChange = Decimal(ref reader, ref state); break;
                case 20: athDate = Date(ref reader, ref state); break;
                case 21: atl = Decimal(ref reader, ref state); break;
                case 22: atlChange = Decimal(ref reader, ref state); break;
                case 23: atlDate = Date(ref reader, ref state); break;
                case 24: roi = Roi(ref reader, ref state); break;
                case 25: lastUpdated = Date(ref reader, ref state); break;
                case 26: change1h = Decimal(ref reader, ref state); break;
                case 27: change7d = Decimal(ref reader, ref state); break;
                default: reader.Skip(); break;
            }
        }

        state.Property = null;
        if (!hasId)
        {
            throw state.Error(ref reader, "The coin market has no 'id' (a required property).");
        }

        return new CoinMarket
        {
            Id = id!,
            Symbol = symbol!,
            Name = name!,
            Image = image,
            CurrentPrice = currentPrice,
            MarketCap = marketCap,
            MarketCapRank = rank,
            FullyDilutedValuation = fdv,
            TotalVolume = totalVolume,
            High24h = high,
            Low24h = low,
            PriceChange24h = priceChange,
            PriceChangePercentage24h = priceChangePercentage,
            MarketCapChange24h = marketCapChange,
            MarketCapChangePercentage24h = marketCapChangePercentage,
            CirculatingSupply = circulating,
            TotalSupply = total,
            MaxSupply = max,
            Ath = ath,
            AthChangePercentage = athChange,
            AthDate = athDate,
            Atl = atl,
            AtlChangePercentage = atlChange,
            AtlDate = atlDate,
            Roi = roi,
            LastUpdated = lastUpdated,
            PriceChangePercentage1h = change1h,
            PriceChangePercentage7d = change7d,
        };
    }

    private static int Match(ref Utf8JsonReader reader, ref int hint) => Utf8Body.MatchName(ref reader, Names, ref hint);

    private static string? String(ref Utf8JsonReader reader, ref Position state) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw state.Error(ref reader, $"Expected a string, found {reader.TokenType}."),
    };

    private static decimal? Decimal(ref Utf8JsonReader reader, ref Position state)
    {
        if (reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && reader.TryGetDecimal(out var value))
        {
            return value;
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

    private static double? Double(ref Utf8JsonReader reader, ref Position state)
    {
        try
        {
            return JsonRead.NullableDouble(ref reader);
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

    // As the serializer reads a long with AllowReadingFromString: an integer number, or a string holding exactly one.
    private static long? Int64(ref Utf8JsonReader reader, ref Position state)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.String:
                var text = reader.ValueIsEscaped || reader.HasValueSequence
                    ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!)
                    : reader.ValueSpan;
                if (Utf8Parser.TryParse(text, out long parsed, out var consumed) && consumed == text.Length)
                {
                    return parsed;
                }

                break;
        }

        throw state.Error(ref reader, "The JSON value could not be converted to an integer.");
    }

    private static DateTimeOffset? Date(ref Utf8JsonReader reader, ref Position state)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        throw state.Error(ref reader, "The JSON value could not be converted to a date and time.");
    }

    private static CoinRoi? Roi(ref Utf8JsonReader reader, ref Position state)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw state.Error(ref reader, "The JSON value could not be converted to a return on investment.");
        }

        decimal? times = null, percentage = null;
        string? currency = null;
        var property = state.Property;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("times"u8))
            {
                state.Property = "roi.times"u8.ToArray();
                reader.Read();
                times = Decimal(ref reader, ref state);
            }
            else if (reader.ValueTextEquals("currency"u8))
            {
                state.Property = "roi.currency"u8.ToArray();
                reader.Read();
                currency = String(ref reader, ref state);
            }
            else if (reader.ValueTextEquals("percentage"u8))
            {
                state.Property = "roi.percentage"u8.ToArray();
                reader.Read();
                percentage = Decimal(ref reader, ref state);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        state.Property = property;
        return new CoinRoi(times, currency, percentage);
    }

    /// <summary>Where the parser is, for error messages: <c>$[row].property</c>, line and byte in line.</summary>
    private ref struct Position(ReadOnlySpan<byte> json)
    {
        private readonly ReadOnlySpan<byte> _json = json;

        public int Index { get; set; } = -1;

        public byte[]? Property { get; set; }

        public readonly string Path() =>
            Index < 0 ? "$"
            : Property is null ? string.Create(CultureInfo.InvariantCulture, $"$[{Index}]")
            : string.Create(CultureInfo.InvariantCulture, $"$[{Index}].{System.Text.Encoding.UTF8.GetString(Property)}");

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
