using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using CryptoIntel.Sources.DefiLlama;
using CryptoIntel.Sources.DefiLlama.Internal;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Benchmarks;

/// <summary>
/// Parsing a full DeFi Llama <c>/protocols</c> list (about 4,000 protocols, several MB, generated from a fixed seed
/// in the real shape), side by side: our client's parser over a stream, plain source-generated STJ into a minimal
/// record with the same fields, a <see cref="JsonDocument"/> walk, and a bare <see cref="Utf8JsonReader"/> pass.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ProtocolsParseBenchmarks
{
    private static readonly string[] Chains = ["Ethereum", "Arbitrum", "Base", "Solana", "BSC", "Polygon", "Optimism", "Avalanche", "Sui", "Aptos", "Tron", "Blast"];
    private static readonly string[] Categories = ["Lending", "Dexs", "Liquid Staking", "Bridge", "CDP", "Yield", "Derivatives", "RWA", "Restaking"];

    private byte[] _list = [];

    [Params(4000)]
    public int Protocols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _list = Generate(Protocols);
        if (ClientParser().GetAwaiter().GetResult().Count != Protocols || PlainStj().GetAwaiter().GetResult().Count != Protocols)
        {
            throw new InvalidOperationException("A contender did not read every protocol.");
        }

        Console.WriteLine($"// /protocols body: {_list.Length / 1024.0 / 1024.0:0.00} MiB");
    }

    /// <summary>(a) Our real client path: the parser <c>DefiLlamaClient.GetProtocolsAsync</c> hands to the data path.</summary>
    [Benchmark(Description = "DefiLlama protocols parser (client, stream)")]
    public async Task<IReadOnlyList<DefiLlamaProtocol>> ClientParser() =>
        await JsonParsers.For<List<DefiLlamaProtocol>, IReadOnlyList<DefiLlamaProtocol>>(DefiLlamaJsonContext.Default.ListDefiLlamaProtocol, l => l)(
            new MemoryStream(_list, writable: false), CancellationToken.None).ConfigureAwait(false);

    /// <summary>(b) Plain source-generated System.Text.Json into a minimal record with the same fields.</summary>
    [Benchmark(Baseline = true, Description = "Plain STJ source-gen (stream)")]
    public async Task<List<PlainProtocol>> PlainStj() =>
        await JsonSerializer.DeserializeAsync(new MemoryStream(_list, writable: false), PlainProtocolsContext.Default.ListPlainProtocol).ConfigureAwait(false)
        ?? throw new JsonException("null");

    /// <summary>(c) <see cref="JsonDocument"/> parse, touching every protocol's TVL.</summary>
    [Benchmark(Description = "JsonDocument DOM walk (stream)")]
    public async Task<int> DomWalk()
    {
        using var document = await JsonDocument.ParseAsync(new MemoryStream(_list, writable: false)).ConfigureAwait(false);
        var count = 0;
        foreach (var row in document.RootElement.EnumerateArray())
        {
            count += row.TryGetProperty("tvl", out var tvl) && tvl.ValueKind == JsonValueKind.Number ? 1 : 0;
        }

        return count;
    }

    /// <summary>(d) The floor: a bare <see cref="Utf8JsonReader"/> pass counting tokens.</summary>
    [Benchmark(Description = "Utf8JsonReader token count (floor)")]
    public int TokenCountFloor()
    {
        var reader = new Utf8JsonReader(_list);
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>Writes a <c>/protocols</c> body in the real shape: ids and cmcIds as strings, nulls, exponents, per-chain TVL maps with <c>-borrowed</c>/<c>-staking</c> keys.</summary>
    public static byte[] Generate(int protocols, int seed = 20261124)
    {
        var random = new Random(seed);
        var json = new StringBuilder(protocols * 1400);
        json.Append('[');
        for (var i = 0; i < protocols; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            var name = "Protocol " + i.ToString(CultureInfo.InvariantCulture);
            var slug = "protocol-" + i.ToString(CultureInfo.InvariantCulture);
            var chainCount = 1 + random.Next(6);
            var chains = Enumerable.Range(0, chainCount).Select(_ => Chains[random.Next(Chains.Length)]).Distinct().ToList();
            var tvl = Math.Pow(10, 3 + random.NextDouble() * 7);
            json.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"{2000 + i}\",\"name\":\"{name}\",\"address\":{(i % 3 == 0 ? "null" : $"\"0x{random.NextInt64():x16}{random.NextInt64():x16}\"")},")
                .Append(CultureInfo.InvariantCulture, $"\"symbol\":\"{(i % 4 == 0 ? "-" : "P" + i.ToString(CultureInfo.InvariantCulture))}\",\"url\":\"https://{slug}.example\",")
                .Append(CultureInfo.InvariantCulture, $"\"description\":\"{name} is a made-up protocol used to measure parsing of the protocols list.\",\"chain\":\"{(chains.Count > 1 ? "Multi-Chain" : chains[0])}\",")
                .Append(CultureInfo.InvariantCulture, $"\"logo\":\"https://icons.llama.fi/{slug}.png\",\"audits\":\"{random.Next(4)}\",\"audit_note\":null,")
                .Append(CultureInfo.InvariantCulture, $"\"gecko_id\":{(i % 2 == 0 ? $"\"{slug}\"" : "null")},\"cmcId\":{(i % 5 == 0 ? $"\"{10000 + i}\"" : "null")},")
                .Append(CultureInfo.InvariantCulture, $"\"category\":\"{Categories[random.Next(Categories.Length)]}\",\"chains\":[{string.Join(',', chains.Select(c => $"\"{c}\""))}],")
                .Append(CultureInfo.InvariantCulture, $"\"module\":\"{slug}/index.js\",\"twitter\":\"{slug}\",\"oracles\":[\"Chainlink\"],\"forkedFrom\":[],\"listedAt\":{1600000000 + random.Next(100000000)},")
                .Append(CultureInfo.InvariantCulture, $"\"slug\":\"{slug}\",\"tvl\":{tvl.ToString("R", CultureInfo.InvariantCulture)},\"chainTvls\":{{");
            var first = true;
            foreach (var chain in chains)
            {
                foreach (var suffix in (ReadOnlySpan<string>)["", "-borrowed", "-staking"])
                {
                    if (suffix.Length > 0 && random.Next(3) != 0)
                    {
                        continue;
                    }

                    json.Append(first ? "" : ",").Append(CultureInfo.InvariantCulture, $"\"{chain}{suffix}\":{(tvl / chains.Count).ToString("E6", CultureInfo.InvariantCulture)}");
                    first = false;
                }
            }

            json.Append(CultureInfo.InvariantCulture, $"}},\"change_1h\":{Change(random)},\"change_1d\":{Change(random)},\"change_7d\":{Change(random)},")
                .Append(CultureInfo.InvariantCulture, $"\"tokenBreakdowns\":{{}},\"mcap\":{(i % 3 == 0 ? "null" : Math.Round(tvl * 2).ToString(CultureInfo.InvariantCulture))}}}");
        }

        return Encoding.UTF8.GetBytes(json.Append(']').ToString());
    }

    private static string Change(Random random) =>
        random.Next(10) == 0 ? "null" : (random.NextDouble() * 20 - 10).ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The fields <c>DefiLlamaProtocol</c> maps, with plain types: "plain source-generated STJ".</summary>
public sealed record PlainProtocol(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("symbol")] string? Symbol,
    [property: JsonPropertyName("category")] string? Category,
    [property: JsonPropertyName("chains")] List<string> Chains,
    [property: JsonPropertyName("tvl")] decimal? Tvl,
    [property: JsonPropertyName("chainTvls")] Dictionary<string, decimal?> ChainTvls,
    [property: JsonPropertyName("change_1h")] decimal? Change1h,
    [property: JsonPropertyName("change_1d")] decimal? Change1d,
    [property: JsonPropertyName("change_7d")] decimal? Change7d,
    [property: JsonPropertyName("mcap")] decimal? MarketCap,
    [property: JsonPropertyName("gecko_id")] string? GeckoId,
    [property: JsonPropertyName("cmcId")] string? CmcId);

[JsonSerializable(typeof(List<PlainProtocol>))]
internal sealed partial class PlainProtocolsContext : JsonSerializerContext;
