using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CryptoIntel.Sources.CoinGecko;

namespace CryptoIntel.Benchmarks;

/// <summary>
/// Parsing a 250-coin <c>/coins/markets</c> page, side by side: our client's parser over a stream (what
/// <c>SourceCaller</c> runs), plain source-generated STJ into a minimal record, a <see cref="JsonDocument"/> walk,
/// and a bare <see cref="Utf8JsonReader"/> token count (the floor).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MarketsParseBenchmarks
{
    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _page = MarketsPageGenerator.Generate();

        // Every contender must read the whole page, or the comparison means nothing.
        var ours = ClientParser().GetAwaiter().GetResult();
        var plain = PlainStj().GetAwaiter().GetResult();
        if (!ours.SequenceEqual(PreviousClientParser().GetAwaiter().GetResult()))
        {
            throw new InvalidOperationException("The client parser and the previous parser disagree on the generated page.");
        }

        if (ours.Count != 250 || plain.Count != 250 || DomWalk().GetAwaiter().GetResult() == 0 || TokenCountFloor() == 0)
        {
            throw new InvalidOperationException("A contender did not read the 250 rows.");
        }
    }

    /// <summary>(a) Our real client path: <c>CoinGeckoParsers.Markets</c> over a stream.</summary>
    [Benchmark(Description = "CoinGeckoParsers.Markets (client, stream)")]
    public async Task<IReadOnlyList<CoinMarket>> ClientParser() =>
        await Sources.CoinGecko.CoinGeckoParsers.Markets(new MemoryStream(_page, writable: false), CancellationToken.None).ConfigureAwait(false);

    /// <summary>(a0) The source-generated parse with the lenient converters that (a) replaced, for reference.</summary>
    [Benchmark(Description = "Previous source-gen parser (stream)")]
    public async Task<IReadOnlyList<CoinMarket>> PreviousClientParser() =>
        await Sources.CoinGecko.CoinGeckoParsers.MarketsSourceGenerated(new MemoryStream(_page, writable: false), CancellationToken.None).ConfigureAwait(false);

    /// <summary>(b) Plain System.Text.Json source generation into a minimal record, over a stream.</summary>
    [Benchmark(Baseline = true, Description = "Plain STJ source-gen (stream)")]
    public async Task<List<PlainCoinMarket>> PlainStj() =>
        await JsonSerializer.DeserializeAsync(new MemoryStream(_page, writable: false), PlainJsonContext.Default.ListPlainCoinMarket).ConfigureAwait(false)
        ?? throw new JsonException("null");

    /// <summary>(c) <see cref="JsonDocument"/> (DOM) parse, walking every value.</summary>
    [Benchmark(Description = "JsonDocument DOM walk (stream)")]
    public async Task<long> DomWalk()
    {
        using var document = await JsonDocument.ParseAsync(new MemoryStream(_page, writable: false)).ConfigureAwait(false);
        long sum = 0;
        foreach (var row in document.RootElement.EnumerateArray())
        {
            foreach (var property in row.EnumerateObject())
            {
                sum += Walk(property.Value);
            }
        }

        return sum;
    }

    /// <summary>(d) The floor: a bare <see cref="Utf8JsonReader"/> pass over the bytes that only counts tokens.</summary>
    [Benchmark(Description = "Utf8JsonReader token count (floor)")]
    public int TokenCountFloor()
    {
        var reader = new Utf8JsonReader(_page);
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    private static long Walk(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? (long)Math.Sign(d) + 1 : 1,
        JsonValueKind.String => value.GetString()!.Length,
        JsonValueKind.Object => value.EnumerateObject().Sum(p => Walk(p.Value)),
        _ => 1,
    };
}
