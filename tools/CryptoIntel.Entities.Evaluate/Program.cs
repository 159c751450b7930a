using System.Text.Json;
using CryptoIntel.Entities;
using CryptoIntel.Entities.Evaluate;

// Usage: dotnet run -c Release --project tools/CryptoIntel.Entities.Evaluate -- <file.csv> [--rows 201-300] [--data <dir>] [--seed-only] [--json] [--errors] [--time] [--profile]
// <file.csv>: gold shape (title,mentioned,implied,note) or CryptoPanic silver shape (title,currencies,...).
// --data: the folder with coingecko_coins.csv, defillama_protocols.csv, exchanges.csv (default: the CSV's folder).
var files = new List<string>();
string? data = null;
bool json = false, errors = false, seedOnly = false, time = false, profile = false;
var rounds = 20;
int from = 1, to = int.MaxValue;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--json": json = true; break;
        case "--errors": errors = true; break;
        case "--time": time = true; break;
        case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--profile": time = profile = true; break;
        case "--seed-only": seedOnly = true; break;
        case "--data" when i + 1 < args.Length: data = args[++i]; break;
        case "--rows" when i + 1 < args.Length:
            var parts = args[++i].Split('-');
            from = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            to = parts.Length > 1 && parts[1].Length > 0 ? int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: CryptoIntel.Entities.Evaluate <file.csv>... [--rows A-B] [--data DIR] [--seed-only] [--json] [--errors] [--time] [--profile]");
            return 0;
        default: files.Add(args[i]); break;
    }
}

if (files.Count == 0)
{
    Console.Error.WriteLine("usage: CryptoIntel.Entities.Evaluate <file.csv>... [--rows A-B] [--data DIR] [--seed-only] [--json] [--errors] [--time] [--profile]");
    return 2;
}

foreach (var file in files)
{
    if (!File.Exists(file))
    {
        Console.Error.WriteLine($"not found: {file}");
        return 2;
    }
}

var watch = System.Diagnostics.Stopwatch.StartNew();
var gazetteer = seedOnly ? Gazetteer.Seed : Evaluator.BuildFullGazetteer(data ?? Path.GetDirectoryName(Path.GetFullPath(files[0])));
var buildMs = watch.ElapsedMilliseconds;
var extractor = new EntityExtractor(gazetteer);
if (time)
{
    // A quick throughput check (the BenchmarkDotNet suite is the reference): extract every title of the file 20 times.
    var titles = Evaluator.ReadTitles(files[0]);
    var bytes = titles.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t));
    foreach (var t in titles)
    {
        extractor.Extract(t);
    }

    if (profile)
    {
        Profile.Run(gazetteer, extractor, titles);
    }

    Measure("titles", titles, rounds);
    Measure("64 KB bodies", MakeBodies(titles), Math.Max(1, rounds / 7));
    return 0;
}

var reports = files.Select(f => Evaluator.Evaluate(extractor, f, from, to)).ToList();
if (json)
{
    Console.WriteLine(JsonSerializer.Serialize(new { gazetteerEntries = gazetteer.Count, gazetteerBuildMs = buildMs, reports }, new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

Console.WriteLine($"gazetteer: {gazetteer.Count} entries, {gazetteer.PatternCount} patterns, built in {buildMs} ms, {gazetteer.Issues.Count} issues");
foreach (var r in reports)
{
    Console.WriteLine($"{r.File} ({r.Shape}, rows {r.Rows}, {r.Titles} titles, {r.MillisecondsPerTitle * 1000:0.0} µs/title)");
    Console.WriteLine($"  {(r.Shape == "gold" ? "all (mentioned+implied)" : "raw tags              ")}: {r.All}");
    Console.WriteLine($"  {(r.Shape == "gold" ? "mentioned only         " : "filtered tags         ")}: {r.Filtered}");
    if (r.Implied is { } implied)
    {
        Console.WriteLine($"  implied only           : {implied}");
    }

    if (errors)
    {
        foreach (var d in r.Disagreements)
        {
            Console.WriteLine($"  row {d.Row}: expected [{string.Join(',', d.Expected)}] predicted [{string.Join(',', d.Predicted)}] {string.Join("; ", d.Links)} | {d.Title}");
        }
    }
}

return 0;

void Measure(string label, List<string> texts, int rounds)
{
    var bytes = Math.Max(1, texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) * rounds);
    for (var warm = 0; warm < Math.Max(3, 2_000 / texts.Count); warm++)
    {
        foreach (var t in texts)
        {
            extractor.Extract(t);
        }
    }

    Thread.Sleep(500); // let tiered compilation finish in the background before timing

    // CPU time as well as wall time: on a shared machine wall time also counts other processes' slices.
    using var process = System.Diagnostics.Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var t in texts)
        {
            extractor.Extract(t);
        }
    }

    clock.Stop();
    process.Refresh();
    var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    var n = Math.Max(1.0, (double)texts.Count * rounds);
    Console.WriteLine($"{label}: {texts.Count} texts, {bytes / n:0} B each; {bytes / cpuSeconds / 1e6:0.0} MB/s per core (CPU time), {bytes / clock.Elapsed.TotalSeconds / 1e6:0.0} MB/s wall; {cpuSeconds * 1e6 / n:0.00} µs CPU/text; {allocated / n:0} B allocated/text");
}

static List<string> MakeBodies(List<string> titles)
{
    var bodies = new List<string>();
    var k = 0;
    for (var b = 0; b < 8; b++)
    {
        var sb = new System.Text.StringBuilder();
        while (sb.Length < 64 * 1024)
        {
            sb.Append(titles[k++ % titles.Count]).Append(k % 5 == 0 ? ".\n\n" : ". ");
        }

        bodies.Add(sb.ToString());
    }

    return bodies;
}
