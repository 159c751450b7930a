using System.Text;
using CryptoIntel.Entities;
using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Benchmarks.Entities;

/// <summary>
/// Loads the real lists and titles from <c>../shared/data/entities</c> at benchmark set-up (they are never copied into
/// the repository). When the folder is absent the set-up throws with a message, and BenchmarkDotNet skips those benchmarks.
/// </summary>
internal static class EntityBenchmarkData
{
    public static string RequireDirectory()
    {
        if (Environment.GetEnvironmentVariable("CRYPTOINTEL_SHARED") is { Length: > 0 } env && Directory.Exists(Path.Combine(env, "data", "entities")))
        {
            return Path.Combine(env, "data", "entities");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", "entities");
                if (File.Exists(Path.Combine(candidate, "coingecko_coins.csv")))
                {
                    return candidate;
                }
            }
        }

        const string message = "SKIPPED: ../shared/data/entities is absent (set CRYPTOINTEL_SHARED); the full-gazetteer entity benchmarks need the real lists.";
        Console.WriteLine(message);
        throw new InvalidOperationException(message);
    }

    public static Gazetteer BuildFull(string directory) => Gazetteer.CreateBuilder()
        .AddSeed()
        .AddCsvFile(Path.Combine(directory, "coingecko_coins.csv"))
        .AddCsvFile(Path.Combine(directory, "defillama_protocols.csv"))
        .AddCsvFile(Path.Combine(directory, "exchanges.csv"))
        .Build();

    public static List<string> ReadTitles(string directory)
    {
        using var reader = new StreamReader(Path.Combine(directory, "cryptopanic_tagged_titles.csv"));
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        csv.TryRead(fields, out _);
        var titles = new List<string>();
        while (csv.TryRead(fields, out _))
        {
            if (fields.Count > 0 && fields[0].Length > 0)
            {
                titles.Add(fields[0]);
            }
        }

        return titles;
    }

    /// <summary>Long article bodies (~64 KB each) made at run time by joining the real titles into paragraphs.</summary>
    public static List<string> MakeBodies(List<string> titles, int count, int size)
    {
        var bodies = new List<string>(count);
        var k = 0;
        for (var b = 0; b < count; b++)
        {
            var sb = new StringBuilder(size + 256);
            while (sb.Length < size)
            {
                sb.Append(titles[k++ % titles.Count]).Append(k % 5 == 0 ? ".\n\n" : ". ");
            }

            bodies.Add(sb.ToString());
        }

        return bodies;
    }

    public static double Utf8MegabytesPerItem(IReadOnlyCollection<string> texts) =>
        texts.Sum(t => (double)Encoding.UTF8.GetByteCount(t)) / texts.Count / 1e6;
}
