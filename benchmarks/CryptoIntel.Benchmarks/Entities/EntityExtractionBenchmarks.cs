using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using CryptoIntel.Entities;

namespace CryptoIntel.Benchmarks.Entities;

/// <summary>
/// Extraction with the full gazetteer (seed + ≥ 17k CoinGecko coins + ≥ 6k DeFi Llama protocols + exchanges) on the
/// 2,797 CryptoPanic titles and on ~64 KB bodies made of them, against two naive baselines over the same names:
/// one <see cref="string.IndexOf(string, StringComparison)"/> per name, and one regex alternation of all names.
/// The "char automaton" rows run the same extraction with the reference Aho–Corasick automaton in place of the word
/// matcher (same hits, same results), to show what the word-level lookup gains in the same run.
/// Each operation is one text; MB/s = the printed mean UTF-8 size / the mean time.
/// </summary>
[MemoryDiagnoser]
public class EntityExtractionBenchmarks
{
    private const int TitleCount = 2_797;
    private const int NaiveTitleCount = 50;
    private const int BodyCount = 8;

    private EntityExtractor _extractor = null!;
    private string[] _titles = null!;
    private string[] _naiveTitles = null!;
    private string[] _bodies = null!;
    private string[] _names = null!;
    private Regex _regex = null!;

    [GlobalSetup]
    public void Setup()
    {
        var directory = EntityBenchmarkData.RequireDirectory();
        var gazetteer = EntityBenchmarkData.BuildFull(directory);
        _extractor = new EntityExtractor(gazetteer);
        _ = gazetteer.Automaton; // built once here, not in the first measured call
        var titles = EntityBenchmarkData.ReadTitles(directory);
        _titles = [.. titles.Take(TitleCount)];
        _naiveTitles = [.. titles.Take(NaiveTitleCount)];
        _bodies = [.. EntityBenchmarkData.MakeBodies(titles, BodyCount, 64 * 1024)];
        _names = [.. gazetteer.Entries
            .SelectMany(e => e.Aliases.Append(e.Name).Append(e.Symbol ?? string.Empty))
            .Where(n => n.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
        _regex = new Regex(@"\b(?:" + string.Join('|', _names.OrderByDescending(n => n.Length).Select(Regex.Escape)) + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
        Console.WriteLine($"// entities: {gazetteer.Count} entries ({gazetteer.Entries.Count(e => e.IsAsset)} assets), {gazetteer.PatternCount} patterns, {_names.Length} naive names");
        Console.WriteLine($"// mean title {EntityBenchmarkData.Utf8MegabytesPerItem(_titles) * 1e6:0.0} B, mean body {EntityBenchmarkData.Utf8MegabytesPerItem(_bodies) * 1e6:0} B (UTF-8)");
    }

    [Benchmark(OperationsPerInvoke = TitleCount, Description = "Extract: title (full gazetteer)")]
    public int Titles()
    {
        var n = 0;
        foreach (var title in _titles)
        {
            n += _extractor.Extract(title).Entities.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = BodyCount, Description = "Extract: 64 KB body (full gazetteer)")]
    public int Bodies()
    {
        var n = 0;
        foreach (var body in _bodies)
        {
            n += _extractor.Extract(body).Entities.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = TitleCount, Description = "Extract: title (char automaton, reference)")]
    public int TitlesAutomaton()
    {
        var n = 0;
        foreach (var title in _titles)
        {
            n += _extractor.Extract(title.AsSpan(), useAutomaton: true).Entities.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = BodyCount, Description = "Extract: 64 KB body (char automaton, reference)")]
    public int BodiesAutomaton()
    {
        var n = 0;
        foreach (var body in _bodies)
        {
            n += _extractor.Extract(body.AsSpan(), useAutomaton: true).Entities.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = NaiveTitleCount, Description = "Naive: IndexOf per name, title")]
    public int NaiveIndexOfTitles()
    {
        var n = 0;
        foreach (var title in _naiveTitles)
        {
            foreach (var name in _names)
            {
                if (title.Contains(name, StringComparison.OrdinalIgnoreCase))
                {
                    n++;
                }
            }
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = NaiveTitleCount, Description = "Naive: regex alternation, title")]
    public int NaiveRegexTitles()
    {
        var n = 0;
        foreach (var title in _naiveTitles)
        {
            n += _regex.Count(title);
        }

        return n;
    }
}
