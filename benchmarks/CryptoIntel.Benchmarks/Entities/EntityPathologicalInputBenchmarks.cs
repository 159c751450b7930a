using BenchmarkDotNet.Attributes;
using CryptoIntel.Entities;

namespace CryptoIntel.Benchmarks.Entities;

/// <summary>
/// Extraction of 1 MB inputs built to hurt a matcher (long runs of one character, of cashtag signs, of numbers, of
/// repeated and almost-matching names, of ticker lists) with the seed gazetteer: the time must stay linear in the
/// input (tens of milliseconds per MB), where a quadratic resolution once took minutes. The unit tests only guard
/// against a hang; this is where the time is measured.
/// </summary>
[MemoryDiagnoser]
public class EntityPathologicalInputBenchmarks
{
    private const int Size = 1 << 20;

    private EntityExtractor _extractor = null!;
    private string _text = null!;

    [Params("letters", "cashtag-signs", "numbers", "names", "name-prefixes", "ticker-list")]
    public string Input { get; set; } = "letters";

    [GlobalSetup]
    public void Setup()
    {
        _extractor = new EntityExtractor(Gazetteer.Seed);
        _text = Input switch
        {
            "letters" => new string('a', Size),
            "cashtag-signs" => new string('$', Size),
            "numbers" => Repeat("9,9.9%"),
            "names" => Repeat("Bitcoin Cash Bitcoin "),
            "name-prefixes" => Repeat("Bitcoin Bitcoin Bitcoin Bitcoin Cas"),
            "ticker-list" => Repeat("$BTC, LINK, OP, "),
            _ => throw new ArgumentOutOfRangeException(nameof(Input), Input, "unknown input"),
        };
    }

    [Benchmark(Description = "Extract: 1 MB pathological input (seed gazetteer)")]
    public int Extract() => _extractor.Extract(_text).Entities.Count;

    private static string Repeat(string unit) => string.Concat(Enumerable.Repeat(unit, Size / unit.Length));
}
