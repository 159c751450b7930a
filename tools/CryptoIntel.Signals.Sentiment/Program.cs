using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CryptoIntel.Signals.Embeddings.Internal;
using CryptoIntel.Signals.Sentiment;
using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.Extensions.Options;

// Usage:
//   train --out <model.zip> <file.csv[@weight]>... [--dev <file.csv>]... [--seed N] [--l2 X] [--l1 X] [--iterations N] [--trainer sdca|lbfgs] [--chars] [--ngrams N] [--tfidf] [--no-lexicon]
//   evaluate <file.csv>... [--model <model.zip>] [--embeddings [--embedding-model <weights.bin>] [--fast-model-weight W]] [--json] [--errors N]
// CSV files: header text,label; labels positive/negative/neutral. A training file may carry a weight: crypto_headlines.csv@3.
const string Usage = """
    usage:
      CryptoIntel.Signals.Sentiment train --out <model.zip> <file.csv[@weight]>... [--dev <file.csv>]... [--seed N] [--l2 X] [--l1 X] [--iterations N] [--trainer sdca|lbfgs] [--chars] [--ngrams N] [--tfidf] [--no-lexicon]
      CryptoIntel.Signals.Sentiment evaluate <file.csv>... [--model <model.zip>] [--embeddings [--embedding-model <weights.bin>] [--fast-model-weight W]] [--json] [--errors N]
      CryptoIntel.Signals.Sentiment latency <file.csv> [--model <model.zip>] [--embeddings [--embedding-model <weights.bin>] [--fast-model-weight W]] [--rounds N]   (a quick per-call check; BenchmarkDotNet is the reference)
      CryptoIntel.Signals.Sentiment tokenize --out <dir> <file.csv>...   (step 1 of fine-tuning: word pieces + the base model, for finetune.py)
    --embeddings adds the model of CryptoIntel.Signals.Embeddings (all-MiniLM-L6-v2 fine-tuned by finetune.py, combined with
    the fast model at weight W, 0.4 by default; 0 = the transformer alone) to the report.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

try
{
    return args[0] switch
    {
        "train" => Commands.Train(args[1..]),
        "evaluate" => Commands.Evaluate(args[1..]),
        "latency" => Commands.Latency(args[1..]),
        "tokenize" => Commands.Tokenize(args[1..]),
        _ => Commands.Fail($"unknown command '{args[0]}'\n{Usage}"),
    };
}
catch (Exception ex) when (ex is FormatException or IOException or ArgumentException or UnauthorizedAccessException)
{
    return Commands.Fail(ex.Message);
}

internal static class Commands
{
    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    public static int Train(string[] args)
    {
        string? output = null;
        var files = new List<(string Path, float Weight)>();
        var dev = new List<string>();
        var options = new SentimentTrainingOptions();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--dev" when i + 1 < args.Length: dev.Add(args[++i]); break;
                case "--seed" when i + 1 < args.Length: options = options with { Seed = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--l2" when i + 1 < args.Length: options = options with { L2 = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--l1" when i + 1 < args.Length: options = options with { L1 = float.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--iterations" when i + 1 < args.Length: options = options with { Iterations = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--trainer" when i + 1 < args.Length: options = options with { Trainer = args[++i] }; break;
                case "--chars": options = options with { CharNgrams = true }; break;
                case "--ngrams" when i + 1 < args.Length: options = options with { WordNgramLength = int.Parse(args[++i], CultureInfo.InvariantCulture) }; break;
                case "--tfidf": options = options with { TfIdf = true }; break;
                case "--no-lexicon": options = options with { LexiconFeatures = false }; break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        return Fail($"unknown option {args[i]}");
                    }

                    var at = args[i].LastIndexOf('@');
                    files.Add(at > 0 && float.TryParse(args[i][(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
                        ? (args[i][..at], w)
                        : (args[i], 1f));
                    break;
            }
        }

        if (output is null || files.Count == 0)
        {
            return Fail("train needs --out <model.zip> and at least one training CSV");
        }

        var rows = new List<(LabelledText, float)>();
        foreach (var (path, weight) in files)
        {
            var read = SentimentCsv.Read(path);
            Console.WriteLine($"train: {path}: {read.Count} rows, weight {weight.ToString(CultureInfo.InvariantCulture)}");
            rows.AddRange(read.Select(r => (r, weight)));
        }

        var watch = Stopwatch.StartNew();
        var (ml, model, schema) = SentimentModel.Train(SentimentModel.Prepare(rows), options);
        Console.WriteLine($"trained on {rows.Count} rows in {watch.Elapsed.TotalSeconds:0.0} s ({options})");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        using (var file = File.Create(output))
        {
            SentimentModel.Save(ml, model, schema, file);
        }

        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length:N0} bytes, SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(output))).ToLowerInvariant()})");
        if (dev.Count > 0)
        {
            using var scorers = Scorers.Load(output, embeddings: false, null, null);
            foreach (var d in dev)
            {
                Print(EvaluateFile(d, scorers, 0), Console.Out);
            }
        }

        return 0;
    }

    /// <summary>Writes, for finetune.py, each CSV as NAME.ids (label, tab, word-piece ids as the scorer makes them) and the base model as base.onnx.</summary>
    public static int Tokenize(string[] args)
    {
        string? output = null;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
            {
                output = args[++i];
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unknown option {args[i]}");
            }
            else
            {
                files.Add(args[i]);
            }
        }

        if (output is null || files.Count == 0)
        {
            return Fail("tokenize needs --out <dir> and at least one text,label CSV");
        }

        Directory.CreateDirectory(output);
        File.WriteAllBytes(Path.Combine(output, "base.onnx"), SentimentTransformer.ReadBaseModel());
        foreach (var path in files)
        {
            var rows = SentimentCsv.Read(path);
            var target = Path.Combine(output, Path.GetFileNameWithoutExtension(path) + ".ids");
            using var writer = new StreamWriter(target) { NewLine = "\n" };
            foreach (var row in rows)
            {
                writer.WriteLine($"{SentimentCsv.Format(row.Label)}\t{string.Join(' ', SentimentTransformer.Tokenize(row.Text))}");
            }

            Console.WriteLine($"tokenize: {path}: {rows.Count} rows -> {target}");
        }

        return 0;
    }

    public static int Evaluate(string[] args)
    {
        string? model = null;
        string? embeddingModel = null;
        double? fastModelWeight = null;
        var embeddings = false;
        var json = false;
        var errors = 0;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--model" when i + 1 < args.Length: model = args[++i]; break;
                case "--embeddings": embeddings = true; break;
                case "--embedding-model" when i + 1 < args.Length: embeddingModel = args[++i]; embeddings = true; break;
                case "--fast-model-weight" when i + 1 < args.Length: fastModelWeight = double.Parse(args[++i], CultureInfo.InvariantCulture); embeddings = true; break;
                case "--json": json = true; break;
                case "--errors" when i + 1 < args.Length: errors = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        return Fail($"unknown option {args[i]}");
                    }

                    files.Add(args[i]);
                    break;
            }
        }

        if (files.Count == 0)
        {
            return Fail("evaluate needs at least one text,label CSV");
        }

        using var scorers = Scorers.Load(model, embeddings, embeddingModel, fastModelWeight);
        var reports = files.Select(f => EvaluateFile(f, scorers, errors)).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(reports, ReportJson.Default.ListFileReport));
        }
        else
        {
            foreach (var r in reports)
            {
                Print(r, Console.Out);
            }
        }

        return 0;
    }

    public static int Latency(string[] args)
    {
        string? model = null;
        string? embeddingModel = null;
        double? fastModelWeight = null;
        var embeddings = false;
        string? file = null;
        var rounds = 5;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--model" when i + 1 < args.Length: model = args[++i]; break;
                case "--embeddings": embeddings = true; break;
                case "--embedding-model" when i + 1 < args.Length: embeddingModel = args[++i]; embeddings = true; break;
                case "--fast-model-weight" when i + 1 < args.Length: fastModelWeight = double.Parse(args[++i], CultureInfo.InvariantCulture); embeddings = true; break;
                case "--rounds" when i + 1 < args.Length: rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: file = args[i]; break;
            }
        }

        if (file is null)
        {
            return Fail("latency needs a text,label CSV");
        }

        var texts = SentimentCsv.Read(file).Select(r => r.Text).ToArray();
        using var loaded = Scorers.Load(model, embeddings, embeddingModel, fastModelWeight);
        var scorers = new List<(string, ISentimentScorer)> { ("ml", loaded.Ml), ("lexicon", LexiconSentimentScorer.Instance) };
        if (loaded.Embedding is not null)
        {
            scorers.Insert(0, ("embedding", loaded.Embedding));
        }

        foreach (var (name, scorer) in scorers)
        {
            // Warm-up: per-call scoring for 2 s, so that tiered JIT has promoted the scorer's code before the figures
            // (without it the first thousands of calls run unoptimised code and the percentiles measure the JIT).
            scorer.ScoreBatch(texts);
            for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(2);)
            {
                foreach (var t in texts)
                {
                    scorer.Score(t);
                }
            }

            var ticks = new List<long>(texts.Length * rounds);
            var total = Stopwatch.StartNew();
            for (var r = 0; r < rounds; r++)
            {
                foreach (var t in texts)
                {
                    var start = Stopwatch.GetTimestamp();
                    scorer.Score(t);
                    ticks.Add(Stopwatch.GetTimestamp() - start);
                }
            }

            total.Stop();
            ticks.Sort();
            double Us(double q) => ticks[(int)Math.Min(ticks.Count - 1, q * ticks.Count)] * 1e6 / Stopwatch.Frequency;
            var batch = Stopwatch.StartNew();
            scorer.ScoreBatch(texts);
            batch.Stop();
            Console.WriteLine($"{name,-8} one headline: p50 {Us(0.50):0.0} µs, p95 {Us(0.95):0.0} µs, p99 {Us(0.99):0.0} µs over {ticks.Count:N0} calls; batch of {texts.Length:N0}: {texts.Length / batch.Elapsed.TotalSeconds:N0} headlines/s");
        }

        return 0;
    }

    /// <summary>Scores one CSV with the ML model, the lexicon, the majority class and (when loaded) the embedding model.</summary>
    private static FileReport EvaluateFile(string path, Scorers scorers, int errors)
    {
        var rows = SentimentCsv.Read(path);
        var gold = rows.Select(r => r.Label).ToList();
        var texts = rows.Select(r => r.Text).ToList();
        var mlPred = scorers.Ml.ScoreBatch(texts).Select(s => s.Label).ToList();
        List<SentimentLabel>? embPred = scorers.Embedding is null ? null : [.. scorers.Embedding.ScoreBatch(texts).Select(s => s.Label)];

        var lexPred = LexiconSentimentScorer.Instance.ScoreBatch(texts).Select(s => s.Label).ToList();
        var majority = SentimentMetrics.Majority(gold);
        var majPred = gold.Select(_ => majority).ToList();
        if (errors > 0)
        {
            foreach (var i in Enumerable.Range(0, rows.Count).Where(i => mlPred[i] != gold[i]).Take(errors))
            {
                Console.Error.WriteLine($"gold {SentimentCsv.Format(gold[i]),-8} ml {SentimentCsv.Format(mlPred[i]),-8} lex {SentimentCsv.Format(lexPred[i]),-8} | {texts[i]}");
            }
        }

        return new FileReport(
            path,
            rows.Count,
            [gold.Count(g => g == SentimentLabel.Negative), gold.Count(g => g == SentimentLabel.Neutral), gold.Count(g => g == SentimentLabel.Positive)],
            Scored.Of("ml", SentimentMetrics.Compute(gold, mlPred)),
            Scored.Of("lexicon", SentimentMetrics.Compute(gold, lexPred)),
            Scored.Of("majority:" + SentimentCsv.Format(majority), SentimentMetrics.Compute(gold, majPred)),
            embPred is null ? null : Scored.Of("embedding", SentimentMetrics.Compute(gold, embPred)));
    }

    private static void Print(FileReport r, TextWriter w)
    {
        w.WriteLine($"{r.File}: {r.Count} rows (negative {r.GoldCounts[0]}, neutral {r.GoldCounts[1]}, positive {r.GoldCounts[2]})");
        w.WriteLine($"  {"scorer",-20} {"accuracy",9} {"macro-F1",9} {"F1 neg",7} {"F1 neu",7} {"F1 pos",7}");
        foreach (var s in new[] { r.Embedding, r.Ml, r.Lexicon, r.Majority }.OfType<Scored>())
        {
            w.WriteLine($"  {s.Scorer,-20} {s.Accuracy,9:0.0000} {s.MacroF1,9:0.0000} {s.F1[0],7:0.000} {s.F1[1],7:0.000} {s.F1[2],7:0.000}");
        }

        var first = r.Embedding ?? r.Ml;
        w.WriteLine($"  {first.Scorer} confusion (rows gold, columns predicted: negative neutral positive)");
        string[] names = ["negative", "neutral", "positive"];
        for (var g = 0; g < 3; g++)
        {
            w.WriteLine($"    {names[g],-9} {first.Confusion[g][0],7} {first.Confusion[g][1],7} {first.Confusion[g][2],7}");
        }
    }
}

/// <summary>The ML scorers a command uses, loaded once (the embedding encoder takes a second and 100 MB).</summary>
internal sealed class Scorers : IDisposable
{
    private readonly ToolMeterFactory _meters;

    private Scorers(ToolMeterFactory meters, MlSentimentScorer ml, EmbeddingSentimentScorer? embedding)
    {
        _meters = meters;
        Ml = ml;
        Embedding = embedding;
    }

    public MlSentimentScorer Ml { get; }

    public EmbeddingSentimentScorer? Embedding { get; }

    /// <summary>Loads the fast model (null path = embedded) and, when asked, the embedding model; fails when one does not load.</summary>
    public static Scorers Load(string? model, bool embeddings, string? embeddingModel, double? fastModelWeight)
    {
        var embeddingOptions = new EmbeddingSentimentScorerOptions { ModelPath = embeddingModel };
        if (fastModelWeight is { } weight)
        {
            embeddingOptions.FastModelWeight = weight;
        }

        var invalid = new EmbeddingSentimentScorerOptionsValidator().Validate(null, embeddingOptions);
        if (invalid.Failed)
        {
            throw new ArgumentException(invalid.FailureMessage);
        }

        var meters = new ToolMeterFactory();
        var ml = new MlSentimentScorer(Options.Create(new SentimentScorerOptions { ModelPath = model }), meters);
        var embedding = embeddings ? new EmbeddingSentimentScorer(Options.Create(embeddingOptions), ml, meters) : null;
        var scorers = new Scorers(meters, ml, embedding);
        if (!ml.IsModelLoaded || embedding is { IsModelLoaded: false })
        {
            scorers.Dispose();
            throw new IOException($"the sentiment model did not load ({(!ml.IsModelLoaded ? model ?? "embedded" : embeddingModel ?? "embedded embedding model")})");
        }

        return scorers;
    }

    public void Dispose()
    {
        Embedding?.Dispose();
        Ml.Dispose();
        _meters.Dispose();
    }
}

internal sealed record Scored(string Scorer, double Accuracy, double MacroF1, double[] F1, int[][] Confusion)
{
    public static Scored Of(string name, SentimentMetrics m) => new(name, Math.Round(m.Accuracy, 4), Math.Round(m.MacroF1, 4), [.. m.F1.Select(f => Math.Round(f, 4))], m.Confusion);
}

internal sealed record FileReport(string File, int Count, int[] GoldCounts, Scored Ml, Scored Lexicon, Scored Majority, Scored? Embedding);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<FileReport>))]
internal sealed partial class ReportJson : JsonSerializerContext;

internal sealed class ToolMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        foreach (var m in _meters)
        {
            m.Dispose();
        }
    }
}
