using System.Diagnostics;
using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Entities.Evaluate;

/// <summary>
/// Scores an <see cref="EntityExtractor"/> against a labelled CSV: the gold shape (<c>title,mentioned,implied,note</c>)
/// or the CryptoPanic silver shape (<c>title,currencies,...</c>). Codes are compared as upper-case tickers.
/// </summary>
public static class Evaluator
{
    /// <summary>Builds the full gazetteer (seed plus the coin, protocol and exchange lists found in <paramref name="dataDirectory"/>).</summary>
    public static Gazetteer BuildFullGazetteer(string? dataDirectory)
    {
        var builder = Gazetteer.CreateBuilder().AddSeed();
        if (dataDirectory is not null)
        {
            foreach (var name in new[] { "coingecko_coins.csv", "defillama_protocols.csv", "exchanges.csv" })
            {
                var path = Path.Combine(dataDirectory, name);
                if (File.Exists(path))
                {
                    builder.AddCsvFile(path);
                }
            }
        }

        return builder.Build();
    }

    /// <summary>Evaluates the extractor on the rows <paramref name="from"/>..<paramref name="to"/> (1-based data rows, inclusive) of a CSV.</summary>
    public static AccuracyReport Evaluate(EntityExtractor extractor, string csvPath, int from = 1, int to = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        using var reader = new StreamReader(csvPath);
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            throw new FormatException($"{csvPath}: empty");
        }

        var header = fields.Select(f => f.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToList();
        var title = header.IndexOf("title");
        var mentioned = header.IndexOf("mentioned");
        var implied = header.IndexOf("implied");
        var currencies = header.IndexOf("currencies");
        var gold = mentioned >= 0;
        if (title < 0 || (!gold && currencies < 0))
        {
            throw new FormatException($"{csvPath}: expected a gold (title,mentioned,implied) or silver (title,currencies) header");
        }

        Score all = new(0, 0, 0), filtered = new(0, 0, 0), impl = new(0, 0, 0);
        var disagreements = new List<Disagreement>();
        var row = 0;
        var titles = 0;
        var watch = new Stopwatch();
        while (csv.TryRead(fields, out _))
        {
            row++;
            if (row < from || row > to || fields.Count <= title)
            {
                continue;
            }

            titles++;
            var text = fields[title];
            watch.Start();
            var result = extractor.Extract(text);
            watch.Stop();
            var literal = Codes(result, implied: false);
            var linked = Codes(result, implied: true);
            linked.ExceptWith(literal);
            var predicted = new HashSet<string>(literal, StringComparer.Ordinal);
            predicted.UnionWith(linked);
            HashSet<string> expected;
            if (gold)
            {
                var m = Split(fields, mentioned);
                var i = Split(fields, implied);
                expected = [.. m, .. i];
                filtered += Compare(literal, m);
                impl += Compare(linked, i);
            }
            else
            {
                expected = Split(fields, currencies);
                var clean = expected.Where(IsCleanTag).ToHashSet(StringComparer.Ordinal);
                filtered += Compare(predicted, clean);
            }

            var score = Compare(predicted, expected);
            all += score;
            if (score.FalsePositives + score.FalseNegatives > 0)
            {
                var links = result.Entities.Where(e => e.IsImplied).Select(e => $"{e.LinkedFrom} -> {e.Id} via {e.Via}").ToList();
                disagreements.Add(new Disagreement(row, text, [.. expected.Order()], [.. predicted.Order()], links));
            }
        }

        return new AccuracyReport(Path.GetFileName(csvPath), gold ? "gold" : "silver", titles, to == int.MaxValue ? $"{from}-" : $"{from}-{to}")
        {
            All = all,
            Filtered = filtered,
            Implied = gold ? impl : null,
            MillisecondsPerTitle = titles == 0 ? 0 : watch.Elapsed.TotalMilliseconds / titles,
            GazetteerEntries = extractor.Gazetteer.Count,
            Disagreements = disagreements,
        };
    }

    /// <summary>Reads the <c>title</c> column of a CSV.</summary>
    public static List<string> ReadTitles(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        var titles = new List<string>();
        if (!csv.TryRead(fields, out _))
        {
            return titles;
        }

        var title = fields.FindIndex(f => f.Trim().Equals("title", StringComparison.OrdinalIgnoreCase));
        while (title >= 0 && csv.TryRead(fields, out _))
        {
            if (fields.Count > title)
            {
                titles.Add(fields[title]);
            }
        }

        return titles;
    }

    /// <summary>A silver tag worth scoring: not one char, not a number, not a common English word.</summary>
    public static bool IsCleanTag(string tag) =>
        tag.Length > 1 && !tag.All(char.IsAsciiDigit) && !WordLists.StopWords.Contains(tag);

    private static HashSet<string> Codes(ExtractionResult result, bool implied)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in result.Entities)
        {
            if (e.Entry.IsAsset && e.IsImplied == implied && e.Entry.Symbol is { } symbol)
            {
                set.Add(symbol.ToUpperInvariant());
            }
        }

        return set;
    }

    private static HashSet<string> Split(List<string> fields, int index) =>
        index < 0 || index >= fields.Count
            ? []
            : fields[index].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

    private static Score Compare(HashSet<string> predicted, HashSet<string> expected)
    {
        var tp = predicted.Count(expected.Contains);
        return new Score(tp, predicted.Count - tp, expected.Count - tp);
    }
}
