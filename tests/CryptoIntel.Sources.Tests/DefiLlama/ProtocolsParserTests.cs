using System.Globalization;
using System.Text;
using System.Text.Json;
using CryptoIntel.Benchmarks;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.DefiLlama.Internal;
using CryptoIntel.Sources.Internal;
using CryptoIntel.Sources.Tests.TestUtilities;
using CryptoIntel.Testing;

namespace CryptoIntel.Sources.Tests.DefiLlama;

/// <summary>
/// The hand-written <c>/protocols</c> parser against the source-generated one it replaced: same protocols for every
/// valid list, a <see cref="JsonException"/> (with the same path for bad values) for every bad one.
/// </summary>
public class ProtocolsParserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Parse_ProjectFixture_SameProtocolsAsSourceGenerated() =>
        await AssertEquivalentAsync(Encoding.UTF8.GetBytes(Fixture.Read("defillama/protocols.json")), expectSuccess: true);

    [Fact]
    public async Task Parse_SharedFixture_SameProtocolsAsSourceGenerated() =>
        await AssertEquivalentAsync(await File.ReadAllBytesAsync(SharedData.Path("fixtures", "defillama", "protocols_docs.json"), Ct), expectSuccess: true);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 7)]
    [InlineData(400, 20261124)] // the benchmark's seed
    public async Task Parse_GeneratedLists_SameProtocolsAsSourceGenerated(int protocols, int seed) =>
        await AssertEquivalentAsync(ProtocolsListGenerator.Generate(protocols, seed), expectSuccess: true);

    [Fact]
    public async Task Parse_RandomLists_SameProtocolsAsSourceGenerated()
    {
        for (var seed = 1; seed <= 80; seed++)
        {
            await AssertEquivalentAsync(RandomList(new Random(seed), rows: 1 + seed % 25, indented: seed % 3 == 0), expectSuccess: true);
        }
    }

    [Fact]
    public async Task Parse_TruncatedAnywhere_ThrowsAtTheSamePlace()
    {
        var list = RandomList(new Random(7), rows: 3, indented: true);
        for (var length = 0; length < Array.LastIndexOf(list, (byte)']'); length++)
        {
            var (_, expected) = await RunAsync(DefiLlamaParsers.ProtocolsSourceGenerated, list[..length]);
            var (_, actual) = await RunAsync(DefiLlamaParsers.Protocols, list[..length]);

            Assert.NotNull(expected);
            Assert.NotNull(actual);
            Assert.Equal((expected.LineNumber, expected.BytePositionInLine), (actual.LineNumber, actual.BytePositionInLine));
        }
    }

    [Theory]
    [InlineData("[{\"id\":\"a\",\"tvl\":1e400}]", "$[0].tvl")]
    [InlineData("[{\"id\":\"a\",\"tvl\":\"abc\"}]", "$[0].tvl")]
    [InlineData("[{\"id\":\"a\",\"tvl\":true}]", "$[0].tvl")]
    [InlineData("[{\"id\":\"a\",\"mcap\":[1]}]", "$[0].mcap")]
    [InlineData("[{\"id\":\"a\",\"change_1h\":{}}]", "$[0].change_1h")]
    [InlineData("[{\"id\":\"a\"},{\"id\":\"b\",\"change_7d\":\"x\"}]", "$[1].change_7d")]
    [InlineData("[{\"id\":\"a\",\"mcap\":123456789012345678901234567890}]", "$[0].mcap")]
    [InlineData("[{\"id\":{}}]", "$[0].id")]
    [InlineData("[{\"cmcId\":[1]}]", "$[0].cmcId")]
    [InlineData("[{\"name\":5}]", "$[0].name")]
    [InlineData("[{\"slug\":true}]", "$[0].slug")]
    [InlineData("[{\"symbol\":{}}]", "$[0].symbol")]
    [InlineData("[{\"category\":1.5}]", "$[0].category")]
    [InlineData("[{\"gecko_id\":false}]", "$[0].gecko_id")]
    [InlineData("[{\"chains\":\"Ethereum\"}]", "$[0].chains")]
    [InlineData("[{\"chains\":{}}]", "$[0].chains")]
    [InlineData("[{\"chains\":[\"Ethereum\",1]}]", "$[0].chains[1]")]
    [InlineData("[{\"chains\":[[\"Ethereum\"]]}]", "$[0].chains[0]")]
    [InlineData("[{\"chainTvls\":[]}]", "$[0].chainTvls")]
    [InlineData("[{\"chainTvls\":\"x\"}]", "$[0].chainTvls")]
    [InlineData("[{\"chainTvls\":{\"Ethereum\":1,\"Base\":\"lots\"}}]", "$[0].chainTvls.Base")]
    [InlineData("[{\"chainTvls\":{\"Ethereum-borrowed\":true}}]", "$[0].chainTvls.Ethereum-borrowed")]
    [InlineData("[{\"chainTvls\":{\"Ethereum\":{\"tvl\":1}}}]", "$[0].chainTvls.Ethereum")]
    [InlineData("[{\"chainTvls\":{\"a.b\":\"x\"}}]", "$[0].chainTvls['a.b']")]
    [InlineData("[{\"chainTvls\":{\"a b\":1e999}}]", "$[0].chainTvls['a b']")]
    public async Task Parse_BadValue_ThrowsNamingTheField(string json, string path)
    {
        var (_, expected) = await RunAsync(DefiLlamaParsers.ProtocolsSourceGenerated, Encoding.UTF8.GetBytes(json));
        var (_, actual) = await RunAsync(DefiLlamaParsers.Protocols, Encoding.UTF8.GetBytes(json));

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
    [InlineData("[[]]")]
    [InlineData("[true]")]
    [InlineData("[] x")]
    [InlineData("[],[]")]
    [InlineData("[{\"id\":\"a\",}]")]
    [InlineData("[{\"id\":\"a\"},]")]
    [InlineData("[{\"id\":\"a\"}")]
    [InlineData("[{\"id\":\"a\",\"x\":{\"y\":[1,2}}]")]
    [InlineData("[{\"chains\":[\"a\",]}]")]
    [InlineData("[{\"chainTvls\":{\"a\":1,}}]")]
    [InlineData("[{'id':'a'}]")]
    [InlineData("[{\"id\":\"a\"} // comment\n]")]
    [InlineData("[{\"id\":01}]")]
    [InlineData("[{\"tvl\":NaN}]")]
    [InlineData("<html>blocked</html>")]
    public async Task Parse_Malformed_BothThrow(string json) =>
        await AssertEquivalentAsync(Encoding.UTF8.GetBytes(json), expectSuccess: false);

    [Theory]
    [InlineData("[]")]
    [InlineData(" [ ] ")]
    [InlineData("[null]")]
    [InlineData("[{}]")]
    [InlineData("[{},null,{}]")]
    [InlineData("[{\"id\":null,\"name\":null,\"chains\":null,\"chainTvls\":null,\"cmcId\":null}]")]
    [InlineData("[{\"id\":1234,\"cmcId\":-5.50e3}]")]
    [InlineData("[{\"id\":true,\"cmcId\":false}]")]
    [InlineData("[{\"id\":\"a\",\"id\":\"b\",\"tvl\":1,\"tvl\":\"2.5\",\"chains\":[\"x\"],\"chains\":[\"y\",\"z\"]}]")]
    [InlineData("[{\"chainTvls\":{\"Ethereum\":1,\"Base\":2,\"Ethereum\":3}}]")]
    [InlineData("[{\"chainTvls\":{\"Ethereum\":1},\"chainTvls\":{\"Base\":2}}]")]
    [InlineData("[{\"ID\":\"x\",\"id\":\"a\",\"Tvl\":9,\"Chains\":[\"q\"]}]")]
    [InlineData("[{\"\\u0069d\":\"esc\\u00e9\\n\",\"t\\u0076l\":\"1.2e-7\",\"chains\":[\"Eth\\u0065reum\",\"Ethereum\",\"\\u00c9ther\",\"\u00c9ther\"]}]")]
    [InlineData("[{\"chainTvls\":{\"Eth\\u0065reum\":1,\"\u00c9ther\":\"\",\"a.b\":\" \",\"\":null,\"x\":1.2e-7,\"y\":-0.0}}]")]
    [InlineData("[{\"chains\":[null,\"\",\"Ethereum\"]}]")]
    [InlineData("[{\"tvl\":0.1234567890123456789012345678901234,\"mcap\":12345678901234567890123456789,\"change_1d\":1E+3}]")]
    [InlineData("[{\"id\":\"a\",\"tokenBreakdowns\":{\"a\":{\"b\":[{\"c\":null}]}},\"oracles\":[[1],{\"x\":\"y\"}],\"name\":\"n\"}]")]
    [InlineData("\uFEFF[{\"id\":\"bom\"}]")]
    public async Task Parse_EdgeCases_SameProtocolsAsSourceGenerated(string json) =>
        await AssertEquivalentAsync(Encoding.UTF8.GetBytes(json), expectSuccess: true);

    [Fact]
    public async Task ParseAsync_UnseekableBodyLargerThanTheFirstBuffer_ReadsItAll()
    {
        var list = ProtocolsListGenerator.Generate(1000, seed: 3);
        Assert.True(list.Length > 512 * 1024);

        await AssertEquivalentAsync(list, expectSuccess: true);
        var protocols = await DefiLlamaParsers.Protocols(new MemoryStream(list, writable: false), Ct);
        Assert.Equal(1000, protocols.Count);
    }

    private static async Task AssertEquivalentAsync(byte[] json, bool expectSuccess)
    {
        var (expected, expectedError) = await RunAsync(DefiLlamaParsers.ProtocolsSourceGenerated, json);
        var (actual, actualError) = await RunAsync(DefiLlamaParsers.Protocols, json);

        if (expectSuccess)
        {
            Assert.Null(expectedError);
            Assert.Null(actualError);
            Assert.Equal(expected!.Count, actual!.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                AssertSame(expected[i], actual[i], i);
            }
        }
        else
        {
            Assert.NotNull(expectedError);
            Assert.NotNull(actualError);
            Assert.False(string.IsNullOrWhiteSpace(actualError.Message));
        }
    }

    private static void AssertSame(DefiLlamaProtocol? expected, DefiLlamaProtocol? actual, int row)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"row {row}: expected {expected}, got {actual}");
            return;
        }

        foreach (var property in typeof(DefiLlamaProtocol).GetProperties())
        {
            var e = property.GetValue(expected);
            var a = property.GetValue(actual);
            var message = $"row {row} {property.Name}: expected {Show(e)}, got {Show(a)}";
            switch (e)
            {
                case IReadOnlyList<string> chains:
                    Assert.True(a is IReadOnlyList<string> other && chains.GetType() == other.GetType() && chains.SequenceEqual(other), message);
                    break;
                case IReadOnlyDictionary<string, decimal?> tvls:
                    Assert.True(
                        a is IReadOnlyDictionary<string, decimal?> map && tvls.GetType() == map.GetType() && tvls.SequenceEqual(map),
                        message);
                    break;
                default:
                    Assert.True(Equals(e, a), message);
                    break;
            }
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        IReadOnlyDictionary<string, decimal?> map => value.GetType().Name + "{" + string.Join(",", map.Select(kv => kv.Key + ":" + kv.Value)) + "}",
        IEnumerable<string?> items => value.GetType().Name + "[" + string.Join(",", items.Select(s => s ?? "null")) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    private static async Task<(IReadOnlyList<DefiLlamaProtocol>? Rows, JsonException? Error)> RunAsync(ResponseParser<IReadOnlyList<DefiLlamaProtocol>> parser, byte[] json)
    {
        try
        {
            // Small reads from a stream that cannot seek, as a network stream gives them, so both parsers cross buffer boundaries.
            return (await parser(new ChunkedStream(json, 977), Ct), null);
        }
        catch (JsonException error)
        {
            return (null, error);
        }
    }

    // Protocols in DeFi Llama's shape with everything the parsers must agree on: ids as numbers or strings, nulls,
    // exponents, numbers in strings, escapes, repeated and non-ASCII chain names, unknown nested fields, missing
    // fields, duplicates, and whitespace.
    private static byte[] RandomList(Random random, int rows, bool indented)
    {
        string[] chainNames = ["Ethereum", "Arbitrum", "Base", "BSC", "Eth\\u0065reum", "\u00c9ther", "\\u00c9ther", "Sui", "a.b", "Ethereum-borrowed"];
        var nl = indented ? "\n  " : string.Empty;
        var json = new StringBuilder("[");
        for (var i = 0; i < rows; i++)
        {
            json.Append(i == 0 ? string.Empty : ",").Append(nl);
            if (random.Next(30) == 0)
            {
                json.Append("null");
                continue;
            }

            var chains = Enumerable.Range(0, random.Next(7)).Select(_ => random.Next(15) == 0 ? "null" : $"\"{chainNames[random.Next(chainNames.Length)]}\"");
            var tvls = Enumerable.Range(0, random.Next(9)).Select(_ => $"\"{chainNames[random.Next(chainNames.Length)]}{(random.Next(3) == 0 ? "-staking" : string.Empty)}\":{Number(random)}");
            var fields = new List<string>
            {
                $"\"id\":{random.Next(5) switch { 0 => (2000 + i).ToString(CultureInfo.InvariantCulture), 1 => "null", _ => $"\"{2000 + i}\"" }}",
                $"\"name\":{Text(random, "Protocol " + i + (random.Next(6) == 0 ? "\\u00e9\\\"q" : string.Empty))}",
                $"\"address\":{(random.Next(3) == 0 ? "null" : "\"0xabc\"")}",
                $"\"symbol\":{Text(random, random.Next(4) == 0 ? "-" : "P" + i)}",
                $"\"url\":\"https://p{i}.example\"",
                $"\"gecko_id\":{Text(random, "protocol-" + i)}",
                $"\"cmcId\":{random.Next(4) switch { 0 => (10000 + i).ToString(CultureInfo.InvariantCulture), 1 => $"\"{10000 + i}\"", _ => "null" }}",
                $"\"category\":{Text(random, "Lending")}",
                random.Next(12) == 0 ? "\"chains\":null" : $"\"chains\":[{string.Join(',', chains)}]",
                $"\"oracles\":[\"Chainlink\",{{\"x\":[1,{{\"y\":null}}]}}]",
                $"\"listedAt\":{1600000000 + i}",
                $"\"slug\":{Text(random, "protocol-" + i)}",
                $"\"tvl\":{Number(random)}",
                random.Next(12) == 0 ? "\"chainTvls\":null" : $"\"chainTvls\":{{{string.Join(',', tvls)}}}",
                $"\"change_1h\":{Number(random)}",
                $"\"change_1d\":{Number(random)}",
                $"\"change_7d\":{Number(random)}",
                "\"tokenBreakdowns\":{\"a\":{}}",
                $"\"mcap\":{Number(random)}",
            };

            for (var drop = random.Next(4); drop > 0; drop--)
            {
                fields.RemoveAt(random.Next(fields.Count)); // fields the provider left out
            }

            if (random.Next(5) == 0)
            {
                (fields[0], fields[^1]) = (fields[^1], fields[0]); // out of the usual order
            }

            if (random.Next(8) == 0)
            {
                fields.Add(fields[random.Next(fields.Count)]); // a duplicate
            }

            json.Append('{').AppendJoin(indented ? ",\n    " : ",", fields).Append('}');
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
            1 => magnitude.ToString("E6", CultureInfo.InvariantCulture),
            2 => Math.Round(magnitude).ToString("0", CultureInfo.InvariantCulture),
            _ => magnitude.ToString("R", CultureInfo.InvariantCulture),
        };
        return random.Next(12) switch
        {
            0 => "null",
            1 => $"\"{text}\"",
            2 => "\"\"",
            _ => text,
        };
    }

    /// <summary>A read-only stream that cannot seek and hands out at most <c>chunk</c> bytes a read.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, chunk), cancellationToken);
    }
}
