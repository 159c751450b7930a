using System.Diagnostics;
using CryptoIntel.Entities.Internal;

namespace CryptoIntel.Entities.Evaluate;

/// <summary>A rough per-phase timing of the extractor (<c>--profile</c>); BenchmarkDotNet is the reference.</summary>
internal static class Profile
{
    public static void Run(Gazetteer gazetteer, EntityExtractor extractor, List<string> titles)
    {
        const int Rounds = 20;
        double Time(Action<string> action)
        {
            foreach (var t in titles)
            {
                action(t);
            }

            // CPU time, not wall time: the machine is shared, and wall time counts other processes' slices.
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            for (var r = 0; r < Rounds; r++)
            {
                foreach (var t in titles)
                {
                    action(t);
                }
            }

            process.Refresh();
            return (process.TotalProcessorTime - cpu).TotalMicroseconds / (Rounds * titles.Count);
        }

        Console.WriteLine($"word matcher: {gazetteer.Matcher.FirstWordCount} first words, {gazetteer.Matcher.SizeInBytes / 1e6:0.0} MB; reference automaton: {gazetteer.Automaton.StateCount} states, {gazetteer.Automaton.DenseStateCount} dense, {gazetteer.Automaton.SizeInBytes / 1e6:0.0} MB");
        var chars = titles.Sum(t => t.Length) / (double)titles.Count;
        long sink = 0;
        Console.WriteLine($"{chars:0} chars/title; char sum loop: {Time(t => { foreach (var c in t) { sink += c; } }):0.00} µs/title; fold+wordchar loop: {Time(t => { foreach (var c in t) { sink += TextRules.Fold(c) + (TextRules.IsWordChar(c) ? 1 : 0); } }):0.00} µs/title {sink % 2}");
        Console.WriteLine($"ac scan   : {Time(t => { var b = new HitBuffer(64); gazetteer.Automaton.Scan(t, ref b); b.Dispose(); }):0.00} µs/title");
        Console.WriteLine($"word scan : {Time(t => { var b = new HitBuffer(64); gazetteer.Matcher.Scan(t, ref b); b.Dispose(); }):0.00} µs/title");
        Console.WriteLine($"scan+score: {Time(t => ScanScore(gazetteer, t)):0.00} µs/title");
        long hitCount = 0, scoreCalls = 0;
        foreach (var t in titles)
        {
            var buffer = new HitBuffer(64);
            gazetteer.Matcher.Scan(t, ref buffer);
            hitCount += buffer.Count;
            foreach (var hit in buffer.Items)
            {
                var n = gazetteer.ReadingsOf(hit.Pattern).Length;
                scoreCalls += char.IsLower(t[hit.Start]) ? Math.Min(n, gazetteer.CuratedReadings[hit.Pattern]) : Math.Min(n, 16);
            }

            buffer.Dispose();
        }

        Console.WriteLine($"hits/title {hitCount / (double)titles.Count:0.0}, score calls/title at most {scoreCalls / (double)titles.Count:0.0}");
        Console.WriteLine($"amounts   : {Time(t => Amounts.Scan(t, [])):0.00} µs/title");
        Console.WriteLine($"extract   : {Time(t => extractor.Extract(t)):0.00} µs/title");
        Console.WriteLine($"extract ac: {Time(t => extractor.Extract(t, useAutomaton: true)):0.00} µs/title");
        Console.WriteLine($"ac scan   : {Time(t => { var b = new HitBuffer(64); gazetteer.Automaton.Scan(t, ref b); b.Dispose(); }):0.00} µs/title");
        Console.WriteLine($"word scan : {Time(t => { var b = new HitBuffer(64); gazetteer.Matcher.Scan(t, ref b); b.Dispose(); }):0.00} µs/title");
    }

    private static void ScanScore(Gazetteer gazetteer, string t)
    {
        var buffer = new HitBuffer(64);
        gazetteer.Matcher.Scan(t, ref buffer);
        var ctx = new ScanContext(t, gazetteer, 3);
        foreach (var hit in buffer.Items)
        {
            var readings = gazetteer.ReadingsOf(hit.Pattern);
            var facts = Rules.Facts(t, hit.Start, hit.End);
            for (var r = 0; r < readings.Length && r < 16; r++)
            {
                Rules.Score(ref ctx, readings[r], facts);
            }
        }

        buffer.Dispose();
    }
}
