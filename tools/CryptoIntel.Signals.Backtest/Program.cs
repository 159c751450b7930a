using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CryptoIntel.Signals.Backtesting;
using CryptoIntel.Signals.Confidence;

// Usage:
//   CryptoIntel.Signals.Backtest <data dir>... [--split 2024-07-01] [--horizon 24] [--threshold 0.03] [--model file.zip] [--json] [--detail]
//   CryptoIntel.Signals.Backtest train-confidence <data dir>... [--split 2024-07-01] [--seed 1] [--out DIR]
const string Usage = "usage: CryptoIntel.Signals.Backtest [train-confidence] <data dir>... [--split yyyy-MM-dd] [--horizon HOURS] [--threshold FRACTION] [--model FILE] [--seed N] [--out DIR] [--json] [--detail] [--dump FILE.csv]";
var dirs = new List<string>();
var options = new BacktestOptions();
bool json = false, train = false, detail = false, sweep = false, experiment = false;
string? modelPath = null, outDir = null, dumpPath = null;
var seed = 1;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "train-confidence" when i == 0: train = true; break;
        case "--json": json = true; break;
        case "--detail": detail = true; break;
        case "--sweep": sweep = true; break;
        case "--experiment": experiment = true; break;
        case "--split" when i + 1 < args.Length: options.Split = DateTimeOffset.Parse(args[++i], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal); break;
        case "--horizon" when i + 1 < args.Length: options.Outcome.Horizon = TimeSpan.FromHours(double.Parse(args[++i], CultureInfo.InvariantCulture)); break;
        case "--threshold" when i + 1 < args.Length: options.Outcome.MoveThreshold = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--model" when i + 1 < args.Length: modelPath = args[++i]; break;
        case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "--dump" when i + 1 < args.Length: dumpPath = args[++i]; break;
        case "-h" or "--help": Console.WriteLine(Usage); return 0;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"unknown option {args[i]}\n{Usage}");
                return 2;
            }

            dirs.Add(args[i]);
            break;
    }
}

if (dirs.Count == 0)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

BacktestData data;
var watch = Stopwatch.StartNew();
try
{
    data = BacktestData.Load(dirs);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var loadMs = watch.Elapsed.TotalMilliseconds;
var backtester = new SignalBacktester(options);
var (rulesMarket, rulesTvl) = BacktestDetectorSets.Rules();
var rulesRun = backtester.Run(data, rulesMarket, rulesTvl);
var (candMarket, candTvl) = BacktestDetectorSets.Sensitive();
var candidateRun = backtester.Run(data, candMarket, candTvl);

if (dumpPath is not null)
{
    // Every signal of both runs with the model's features and its outcome, as CSV, for analysis outside the tool.
    using var writer = new StreamWriter(dumpPath);
    writer.WriteLine("run,period,detector,subject,detectedAt,direction,hit,forwardReturn," + string.Join(',', ConfidenceFeatures.Names));
    var features = new float[ConfidenceFeatures.Count];
    foreach (var (runName, run) in (ReadOnlySpan<(string, BacktestRun)>)[("rules", rulesRun), ("candidates", candidateRun)])
    {
        foreach (var s in run.Signals)
        {
            if (s.Outcome is not { } outcome)
            {
                continue;
            }

            ConfidenceFeatures.Fill(s.Signal, s.Context, features);
            writer.WriteLine(string.Join(',', [runName, s.Period.ToString(), s.Signal.Detector, s.Signal.Subject, s.Signal.DetectedAt.ToString("O", CultureInfo.InvariantCulture),
                s.Signal.Direction.ToString(), outcome.Hit ? "1" : "0", outcome.ForwardReturn.ToString("R", CultureInfo.InvariantCulture),
                .. features.Select(f => f.ToString("R", CultureInfo.InvariantCulture))]));
        }
    }

    Console.WriteLine($"wrote {dumpPath}");
    return 0;
}

if (experiment)
{
    // Model selection on the training period only: each configuration is judged on the held-out (latest) slice of it.
    ConfidenceModelConfig[] configs =
    [
        new(200, 16, 50, 0.05), new(100, 8, 100, 0.05), new(50, 4, 200, 0.05), new(300, 4, 200, 0.02), new(100, 8, 100, 0.05, 0.5),
        new(0, 0, 0, 0, Logistic: true, L2: 1), new(0, 0, 0, 0, Logistic: true, L2: 10), new(0, 0, 0, 0, Logistic: true, L2: 1, L1: 1), new(0, 0, 0, 0, Logistic: true, L2: 100),
        ConfidenceModelConfig.Default,
    ];
    foreach (var config in configs)
    {
        var r = ConfidenceTrainer.Train(candidateRun, rulesRun, seed, config: config);
        Console.WriteLine($"{config}: {r.Notes}");
    }

    return 0;
}

if (train)
{
    var result = ConfidenceTrainer.Train(candidateRun, rulesRun, seed);
    outDir ??= Path.Combine(FindRepoRoot(), "src", "CryptoIntel.Signals", "Confidence", "Resources");
    Directory.CreateDirectory(outDir);
    var zip = Path.Combine(outDir, "confidence-model.zip");
    using (var stream = File.Create(zip))
    {
        ConfidenceModel.Save(result.Model, result.Schema, stream);
    }

    File.WriteAllText(Path.ChangeExtension(zip, ".json"), JsonSerializer.Serialize(result.Metadata, SignalsJsonContext.Default.ConfidenceModelMetadata));
    Console.WriteLine($"trained on {result.Metadata.TrainingSignals} signals before {options.Split:yyyy-MM-dd} (hit rate {result.Metadata.TrainingHitRate:P1}), seed {seed}");
    Console.WriteLine($"threshold {result.Metadata.Threshold:0.0000}: {result.Notes}");
    Console.WriteLine($"wrote {zip} in {watch.Elapsed.TotalSeconds:0.0} s");
    return 0;
}

using var ml = new MlConfidenceScorer(modelPath);
if (!ml.IsModelLoaded)
{
    Console.Error.WriteLine("warning: the confidence model did not load; the ML path falls back to the rules");
}

if (sweep)
{
    // Diagnostic: hits and false positives of the ML path at each threshold, on the training period and the reported one.
    foreach (var period in (BacktestPeriod[])[BacktestPeriod.Train, BacktestPeriod.Report])
    {
        var r = backtester.Report(rulesRun, "rules", period: period).Overall;
        Console.WriteLine($"{period}: rules {r.Hits} hits / {r.FalsePositives} FP");
        for (var th = 0.0; th <= 0.9; th += 0.025)
        {
            var m = backtester.Report(candidateRun, "ml", ml, th, period).Overall;
            Console.WriteLine($"  >= {th:0.000}: {m.Hits,5} hits / {m.FalsePositives,5} FP  hit rate {m.HitRate:P1}  conf|hit {m.MeanConfidenceOnHits:0.000}");
        }
    }

    return 0;
}

var rules = backtester.Report(rulesRun, "rules");
var mlReport = backtester.Report(candidateRun, "ml", ml, ml.RecommendedThreshold);
var candidates = backtester.Report(candidateRun, "candidates");
var comparison = new BacktestComparison(rules, mlReport);
var totalMs = watch.Elapsed.TotalMilliseconds;

if (json)
{
    var node = new JsonObject
    {
        ["data"] = new JsonObject { ["files"] = data.Files.Count, ["assets"] = data.Assets.Count, ["tvlSubjects"] = data.TvlSubjects.Count, ["ticks"] = data.TickCount, ["tvlObservations"] = data.TvlObservationCount, ["skippedRows"] = data.SkippedRows },
        ["rules"] = JsonNode.Parse(rules.ToJson()),
        ["ml"] = JsonNode.Parse(mlReport.ToJson()),
        ["candidates"] = JsonNode.Parse(candidates.ToJson()),
        ["comparison"] = new JsonObject
        {
            ["falsePositiveReduction"] = comparison.FalsePositiveReduction,
            ["hitCountRatio"] = comparison.HitCountRatio,
            ["confidenceUplift"] = comparison.ConfidenceUplift,
            ["meetsFalsePositiveTarget"] = comparison.MeetsFalsePositiveTarget,
            ["meetsConfidenceTarget"] = comparison.MeetsConfidenceTarget,
            ["mlThreshold"] = ml.RecommendedThreshold,
        },
        ["timings"] = new JsonObject { ["loadMs"] = loadMs, ["rulesReplayMs"] = rulesRun.Elapsed.TotalMilliseconds, ["candidatesReplayMs"] = candidateRun.Elapsed.TotalMilliseconds, ["totalMs"] = totalMs },
    };
    Console.WriteLine(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

Console.WriteLine($"data: {data.Files.Count} files, {data.Assets.Count} assets ({data.TickCount:N0} ticks), {data.TvlSubjects.Count} TVL series ({data.TvlObservationCount:N0} points), {data.SkippedRows} bad rows skipped, {data.Start:yyyy-MM-dd} .. {data.End:yyyy-MM-dd}");
Console.WriteLine($"split {options.Split:yyyy-MM-dd}: the model and thresholds were chosen before it; everything below is reported on the later part only\n");
Console.WriteLine(rules.ToTable(detail));
Console.WriteLine(mlReport.ToTable(detail));
Console.WriteLine($"ML path = candidate detectors (sensitive options) + confidence model '{ml.Name}' + threshold {ml.RecommendedThreshold:0.0000}");
Console.WriteLine(comparison.ToTable());
Console.WriteLine($"wall time: load {loadMs / 1000:0.00} s, rules replay+label {rulesRun.Elapsed.TotalSeconds:0.00} s ({rulesRun.Signals.Count:N0} signals), candidates replay+label {candidateRun.Elapsed.TotalSeconds:0.00} s ({candidateRun.Signals.Count:N0} signals), total {totalMs / 1000:0.00} s");
return 0;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "CryptoIntel.sln")))
        {
            return dir.FullName;
        }
    }

    return Environment.CurrentDirectory;
}
