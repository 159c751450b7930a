using BenchmarkDotNet.Attributes;
using CryptoIntel.Entities;

namespace CryptoIntel.Benchmarks.Entities;

/// <summary>Building the full gazetteer (parse the three CSV lists from memory, compile the automaton); allocations from <c>[MemoryDiagnoser]</c>, retained size printed at set-up.</summary>
[MemoryDiagnoser]
public class GazetteerBuildBenchmarks
{
    private string _coins = null!;
    private string _protocols = null!;
    private string _exchanges = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = EntityBenchmarkData.RequireDirectory();
        _coins = File.ReadAllText(Path.Combine(directory, "coingecko_coins.csv"));
        _protocols = File.ReadAllText(Path.Combine(directory, "defillama_protocols.csv"));
        _exchanges = File.ReadAllText(Path.Combine(directory, "exchanges.csv"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var gazetteer = Build();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// gazetteer: {gazetteer.Count} entries, {gazetteer.PatternCount} patterns, {gazetteer.Matcher.FirstWordCount} first words, matcher {gazetteer.Matcher.SizeInBytes / 1e6:0.0} MB, retained {(after - before) / 1e6:0.0} MB");
        GC.KeepAlive(gazetteer);
    }

    [Benchmark(Description = "Build full gazetteer (CSV text to automaton)")]
    public Gazetteer Build() => Gazetteer.CreateBuilder()
        .AddSeed()
        .AddCsv(new StringReader(_coins), "coins")
        .AddCsv(new StringReader(_protocols), "protocols")
        .AddCsv(new StringReader(_exchanges), "exchanges")
        .Build();

    [Benchmark(Description = "Build seed gazetteer")]
    public Gazetteer BuildSeed() => Gazetteer.CreateBuilder().AddSeed().Build();
}
