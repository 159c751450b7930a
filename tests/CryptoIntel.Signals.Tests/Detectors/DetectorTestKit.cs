using System.Diagnostics.Metrics;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CryptoIntel.Signals.Tests.Detectors;

/// <summary>Replays inputs at their timestamps on a <see cref="HistoricalScheduler"/> and records the signals.</summary>
internal static class DetectorTestKit
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static List<Signal> Run<T>(
        IEnumerable<T> inputs,
        Func<T, DateTimeOffset> timeOf,
        Func<IObservable<T>, IScheduler, IObservable<Signal>> detect)
    {
        var scheduler = new HistoricalScheduler(Start.AddYears(-1));
        var subject = new Subject<T>();
        var last = scheduler.Now;
        foreach (var input in inputs)
        {
            // At the data's own time; inputs deliberately out of order (or with a bad clock) still arrive in the
            // order given, one tick after the previous one.
            var at = timeOf(input) > last ? timeOf(input) : last.AddTicks(1);
            last = at;
            scheduler.ScheduleAbsolute(at, () => subject.OnNext(input));
        }

        var signals = new List<Signal>();
        Exception? error = null;
        using var subscription = detect(subject, scheduler).Subscribe(signals.Add, e => error = e);
        scheduler.Start();
        Assert.Null(error);
        return signals;
    }

    public static List<Signal> RunTicks(ISignalDetector<MarketTick> detector, IEnumerable<MarketTick> ticks) =>
        Run(ticks, t => t.Timestamp, detector.Detect);

    /// <summary>Hourly ticks of one asset: a random walk with σ per hour and log-normal volume around 100.</summary>
    public static List<MarketTick> Hourly(int count, int seed = 1, string asset = "bitcoin", double priceSigma = 0.004, double volumeSigma = 0.2, double startPrice = 100)
    {
        var random = new Random(seed);
        var ticks = new List<MarketTick>(count);
        var price = startPrice;
        for (var i = 0; i < count; i++)
        {
            price *= Math.Exp(priceSigma * Normal(random));
            var volume = 100 * Math.Exp(volumeSigma * Normal(random));
            ticks.Add(new MarketTick(asset, "binance", Start.AddHours(i), price, volume));
        }

        return ticks;
    }

    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static IMeterFactory MeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static MetricCollector<long> Collect(IMeterFactory factory, string instrument) =>
        new(factory, "CryptoIntel.Signals", instrument);

    public static long Count(MetricCollector<long> collector, string tag, string value) =>
        collector.GetMeasurementSnapshot().Where(m => m.Tags.TryGetValue(tag, out var v) && (string?)v == value).Sum(m => m.Value);
}
