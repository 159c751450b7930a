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
    private byte[] _list = [];

    [Params(4000)]
    public int Protocols { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _list = ProtocolsListGenerator.Generate(Protocols);
        var ours = ClientParser().GetAwaiter().GetResult();
        var previous = PreviousClientParser().GetAwaiter().GetResult();
        if (!ours.Select(Key).SequenceEqual(previous.Select(Key)))
        {
            throw new InvalidOperationException("The client parser and the previous parser disagree on the generated list.");
        }

        if (ours.Count != Protocols || PlainStj().GetAwaiter().GetResult().Count != Protocols)
        {
            throw new InvalidOperationException("A contender did not read every protocol.");
        }

        Console.WriteLine($"// /protocols body: {_list.Length / 1024.0 / 1024.0:0.00} MiB");
    }

    /// <summary>(a) Our real client path: the parser <c>DefiLlamaClient.GetProtocolsAsync</c> hands to the data path.</summary>
    [Benchmark(Description = "DefiLlamaParsers.Protocols (client, stream)")]
    public async Task<IReadOnlyList<DefiLlamaProtocol>> ClientParser() =>
        await DefiLlamaParsers.Protocols(new MemoryStream(_list, writable: false), CancellationToken.None).ConfigureAwait(false);

    /// <summary>(a0) The source-generated parse with the lenient converters that (a) replaced, for reference.</summary>
    [Benchmark(Description = "Previous source-gen parser (stream)")]
    public async Task<IReadOnlyList<DefiLlamaProtocol>> PreviousClientParser() =>
        await DefiLlamaParsers.ProtocolsSourceGenerated(new MemoryStream(_list, writable: false), CancellationToken.None).ConfigureAwait(false);

    /// <summary>(b) Plain source-generated System.Text.Json into a minimal record with the same fields.</summary>
    [Benchmark(Baseline = true, Description = "Plain STJ source-gen (stream)")]
    public async Task<List<PlainProtocol>> PlainStj() =>
        await JsonSerializer.DeserializeAsync(new MemoryStream(_list, writable: false), PlainProtocolsContext.Default.ListPlainProtocol).ConfigureAwait(false)
        ?? throw new JsonException("null");

    private static string Key(DefiLlamaProtocol p) =>
        string.Join('|', p.Id, p.Name, p.Slug, p.Symbol, p.Category, string.Join(',', p.Chains), p.Tvl, p.Change1h, p.Change1d, p.Change7d, p.MarketCap,
            p.GeckoId, p.CmcId, string.Join(',', p.ChainTvls.Select(kv => kv.Key + "=" + kv.Value)));

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
