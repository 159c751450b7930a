using System.Globalization;
using System.Text;
using System.Text.Json;
using CryptoIntel.Sources.CoinGecko;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Tests.TestUtilities;
using CryptoIntel.Testing;

namespace CryptoIntel.Sources.Tests.CoinGecko;

/// <summary>
/// The hand-written <c>/coins/markets</c> parser against the source-generated one it replaced: same rows for every
/// valid page, a <see cref="JsonException"/> (with the same path for bad values) for every bad one.
/// </summary>
public class CoinMarketsParserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parse_ProjectFixture_SameRowsAsSourceGenerated() =>
        await AssertEquivalentAsync(Encoding.UTF8.GetBytes(Fixture.Read("coingecko/markets_page.json")), expectSuccess: true);

    [Theory]
    [InlineData("coins_markets.json")]
    [InlineData("coins_markets_docs.json")]
    public async Task Parse_SharedFixture_SameRowsAsSourceGenerated(string file) =>
        await AssertEquivalentAsync(await File.ReadAllBytesAsync(SharedData.Path("fixtures", "coingecko", file), Ct), expectSuccess: true);

    [Fact]
    public async Task Parse_RandomPages_SameRowsAsSourceGenerated()
    {
        for (var seed = 1; seed <= 60; seed++)
        {
            await AssertEquivalentAsync(RandomPage(new Random(seed), rows: 1 + seed % 25, indented: seed % 3 == 0), expectSuccess: true);
        }
    }

    [Fact]
    public async Task Parse_TruncatedAnywhere_ThrowsAtTheSamePlace()
    {
        var page = RandomPage(new Random(7), rows: 3, indented: true);
        for (var length = 0; length < Array.LastIndexOf(page, (byte)']'); length++)
        {
            var (_, expected) = await RunAsync(CoinGeckoParsers.MarketsSourceGenerated, page[..length]);
            var (_, actual) = await RunAsync(CoinGeckoParsers.Markets, page[..length]);

            Assert.NotNull(expected);
            Assert.NotNull(actual);
            Assert.Equal((expected.LineNumber, expected.BytePositionInLine), (actual.LineNumber, actual.BytePositionInLine));
        }
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",\"current_price\":1e400}]", "$[0].current_price")]
    [InlineData("[{\"id\":\"a\",\"current_price\":\"abc\"}]", "$[0].current_price")]
    [InlineData("[{\"id\":\"a\",\"current_price\":true}]", "$[0].current_price")]
    [InlineData("[{\"id\":\"a\",\"market_cap\":[1]}]", "$[0].market_cap")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\",\"market_cap_rank\":1.5}]", "$[1].market_cap_rank")]
    [InlineData("[{\"id\":\"a\",\"market_cap_rank\":\"x1\"}]", "$[0].market_cap_rank")]
    [InlineData("[{\"id\":\"a\",\"ath_date\":\"not a date\"}]", "$[0].ath_date")]
    [InlineData("[{\"id\":\"a\",\"ath_date\":5}]", "$[0].ath_date")]
    [InlineData("[{\"id\":\"a\",\"symbol\":5}]", "$[0].symbol")]
    [InlineData("[{\"id\":\"a\",\"max_supply\":\"many\"}]", "$[0].max_supply")]
    [InlineData("[{\"id\":\"a\",\"max_supply\":true}]", "$[0].max_supply")]
    [InlineData("[{\"id\":\"a\",\"market_cap\":123456789012345678901234567890}]", "$[0].market_cap")]
    public async Task Parse_BadValue_ThrowsNamingTheField(string json, string path)
    {
        var (_, expected) = await RunAsync(CoinGeckoParsers.MarketsSourceGenerated, Encoding.UTF8.GetBytes(json));
        var (_, actual) = await RunAsync(CoinGeckoParsers.Markets, Encoding.UTF8.GetBytes(json));

        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(path, expected.Path);
        Assert.Equal(path, actual.Path);
        Assert.NotNull(actual.LineNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[1]")]
    [InlineData("[\"a\"]")]
    [InlineData("[{}]")]
    [InlineData("[{\"symbol\":\"btc\"}]")]
    [InlineData("[{\"id\":\"a\",\"roi\":5}]")]
    [InlineData("[{\"id\":\"a\",\"roi\":{\"times\":\"x\"}}]")]
    [InlineData("[] x")]
    [InlineData("[],[]")]
    [InlineData("[{\"id\":\"a\",}]")]
    [InlineData("[{\"id\":\"a\"}")]
    [InlineData("[{'id':'a'}]")]
    [InlineData("[{\"id\":\"a\"} // comment\n]")]
    [InlineData("<html>blocked</html>")]
    public async Task Parse_Malformed_BothThrow(string json) =>
        await AssertEquivalentAsync(Encoding.UTF8.GetBytes(json), expectSuccess: false);

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    [InlineData("[null]")]
    [InlineData("[{\"id\":null}]")]
    [InlineData("[{\"id\":\"a\",\"symbol\":null,\"name\":null,\"image\":null}]")]
    [InlineData("[{\"id\":\"a\",\"id\":\"b\",\"current_price\":1,\"current_price\":\"2.5\"}]")]
    [InlineData("[{\"ID\":\"x\",\"id\":\"a\",\"Current_Price\":9}]")]
    [InlineData("[{\"\\u0069d\":\"esc\\u00e9\\n\",\"current\\u005fprice\":\"1.2e-7\"}]")]
    [InlineData("[{\"id\":\"a\",\"current_price\":1.2e-7,\"market_cap\":\"\",\"total_volume\":\" \",\"high_24h\":1E+3,\"low_24h\":-0.0}]")]
    [InlineData("[{\"id\":\"a\",\"current_price\":0.1234567890123456789012345678901234,\"market_cap\":12345678901234567890123456789}]")]
    [InlineData("[{\"id\":\"a\",\"market_cap_rank\":\"12\",\"circulating_supply\":\"1.5e3\",\"total_supply\":1e300,\"max_supply\":\"\"}]")]
    [InlineData("[{\"id\":\"a\",\"roi\":{\"times\":\"1.5\",\"currency\":\"usd\",\"percentage\":150,\"extra\":{\"x\":[1,2]}}}]")]
    [InlineData("[{\"id\":\"a\",\"roi\":{}},{\"id\":\"b\",\"unknown\":{\"nested\":[{\"deep\":null}]},\"sparkline_in_7d\":{\"price\":[1,2,3]}}]")]
    [InlineData("[{\"id\":\"a\",\"ath_date\":\"2021-11-10T14:24:11.849Z\",\"atl_date\":\"2013-07-05\",\"last_updated\":\"2025-03-04T14:45:50+02:00\"}]")]
    [InlineData("\uFEFF[{\"id\":\"bom\"}]")]
    public async Task Parse_EdgeCases_SameRowsAsSourceGenerated(string json) =>
        await AssertEquivalentAsync(Encoding.UTF8.GetBytes(json), expectSuccess: true);

    [Fact]
    public async Task ParseAsync_BodyLargerThanTheFirstBuffer_ReadsItAll()
    {
        var page = RandomPage(new Random(99), rows: 400, indented: true);
        Assert.True(page.Length > 128 * 1024);

        await AssertEquivalentAsync(page, expectSuccess: true);
    }

    private static async Task AssertEquivalentAsync(byte[] json, bool expectSuccess)
    {
        var (expected, expectedError) = await RunAsync(CoinGeckoParsers.MarketsSourceGenerated, json);
        var (actual, actualError) = await RunAsync(CoinGeckoParsers.Markets, json);

        if (expectSuccess)
        {
            Assert.Null(expectedError);
            Assert.Null(actualError);
            Assert.Equal(expected!.Count, actual!.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                foreach (var property in typeof(CoinMarket).GetProperties())
                {
                    Assert.True(
                        Equals(expected[i] is null ? null : property.GetValue(expected[i]), actual[i] is null ? null : property.GetValue(actual[i])),
                        $"row {i} {property.Name}: expected {(expected[i] is null ? null : property.GetValue(expected[i]))}, got {(actual[i] is null ? null : property.GetValue(actual[i]))}");
                }
            }

            Assert.Equal(expected, actual);
        }
        else
        {
            Assert.NotNull(expectedError);
            Assert.NotNull(actualError);
            Assert.False(string.IsNullOrWhiteSpace(actualError.Message));
        }
    }

    private static async Task<(IReadOnlyList<CoinMarket>? Rows, JsonException? Error)> RunAsync(ResponseParser<IReadOnlyList<CoinMarket>> parser, byte[] json)
    {
        try
        {
            // Small reads, as a network stream gives them, so both parsers cross buffer boundaries.
            return (await parser(new ChunkedStream(json, 977), Ct), null);
        }
        catch (JsonException error)
        {
            return (null, error);
        }
    }

    // Rows in CoinGecko's shape with everything the parsers must agree on: nulls, exponents, numbers in strings,
    // escapes, unknown and missing fields, and whitespace.
    private static byte[] RandomPage(Random random, int rows, bool indented)
    {
        var nl = indented ? "\n  " : string.Empty;
        var json = new StringBuilder("[");
        for (var i = 0; i < rows; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(nl).Append('{');
            var fields = new List<string>
            {
                $"\"id\":\"coin-{i}{(random.Next(8) == 0 ? "\\u00e9\\\"q" : string.Empty)}\"",
                $"\"symbol\":{Text(random, "s" + i)}",
                $"\"name\":{Text(random, "Name " + i)}",
                $"\"image\":{Text(random, "https://img.example/" + i + ".png?1696")}",
                $"\"current_price\":{Number(random)}",
                $"\"market_cap\":{Number(random)}",
                $"\"market_cap_rank\":{(random.Next(6) switch { 0 => "null", 1 => $"\"{i + 1}\"", _ => (i + 1).ToString(CultureInfo.InvariantCulture) })}",
                $"\"fully_diluted_valuation\":{Number(random)}",
                $"\"total_volume\":{Number(random)}",
                $"\"high_24h\":{Number(random)}",
                $"\"low_24h\":{Number(random)}",
                $"\"price_change_24h\":{Number(random)}",
                $"\"price_change_percentage_24h\":{Number(random)}",
                $"\"market_cap_change_24h\":{Number(random)}",
                $"\"market_cap_change_percentage_24h\":{Number(random)}",
                $"\"circulating_supply\":{Number(random)}",
                $"\"total_supply\":{Number(random)}",
                $"\"max_supply\":{Number(random)}",
                $"\"ath\":{Number(random)}",
                $"\"ath_change_percentage\":{Number(random)}",
                $"\"ath_date\":{Date(random)}",
                $"\"atl\":{Number(random)}",
                $"\"atl_change_percentage\":{Number(random)}",
                $"\"atl_date\":{Date(random)}",
                $"\"roi\":{(random.Next(4) == 0 ? $"{{\"times\":{Number(random)},\"currency\":\"usd\",\"percentage\":{Number(random)}}}" : "null")}",
                $"\"last_updated\":{Date(random)}",
                $"\"price_change_percentage_1h_in_currency\":{Number(random)}",
                $"\"price_change_percentage_7d_in_currency\":{Number(random)}",
            };
            if (random.Next(3) == 0)
            {
                fields.Insert(random.Next(1, fields.Count), "\"sparkline_in_7d\":{\"price\":[1.5,2e-3,null]}");
            }

            if (random.Next(4) == 0)
            {
                fields.RemoveAt(random.Next(1, fields.Count)); // a field the provider left out
            }

            if (random.Next(5) == 0)
            {
                (fields[1], fields[^1]) = (fields[^1], fields[1]); // out of the usual order
            }

            json.AppendJoin(indented ? ",\n    " : ",", fields).Append('}');
        }

        return Encoding.UTF8.GetBytes(json.Append(indented ? "\n]\n" : "]").ToString());
    }

    private static string Text(Random random, string value) => random.Next(10) == 0 ? "null" : $"\"{value}\"";

    private static string Number(Random random)
    {
        var magnitude = Math.Pow(10, random.Next(-9, 13)) * random.NextDouble() * (random.Next(5) == 0 ? -1 : 1);
        var text = random.Next(6) switch
        {
            0 => magnitude.ToString("0.###e+00", CultureInfo.InvariantCulture),
            1 => magnitude.ToString("0.###E-0", CultureInfo.InvariantCulture),
            2 => Math.Round(magnitude).ToString("0", CultureInfo.InvariantCulture),
            _ => magnitude.ToString("0.##########", CultureInfo.InvariantCulture),
        };
        return random.Next(12) switch
        {
            0 => "null",
            1 => $"\"{text}\"",
            _ => text,
        };
    }

    private static string Date(Random random) => random.Next(8) == 0
        ? "null"
        : "\"" + new DateTime(2013, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(400_000_000)).ToString(random.Next(2) == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "\"";

    /// <summary>A read-only stream that hands out at most <c>chunk</c> bytes a read.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
