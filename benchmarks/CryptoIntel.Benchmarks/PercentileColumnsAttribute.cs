using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace CryptoIntel.Benchmarks;

/// <summary>Adds the P50 and P95 columns (percentiles of the measured iterations) to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PercentileColumnsAttribute : Attribute, IConfigSource
{
    /// <inheritdoc />
    public IConfig Config { get; } = ManualConfig.CreateEmpty().AddColumn(StatisticColumn.P50, StatisticColumn.P95);
}
