using BenchmarkDotNet.Attributes;

namespace CryptoIntel.Benchmarks.Signals;

/// <summary>
/// The deterministic signal id (<see cref="Signal.CreateId(SignalKind, string, string, string, DateTimeOffset)"/>), made
/// once per emitted signal. <c>dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*SignalId*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class SignalIdBenchmarks
{
    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Benchmark(Description = "CreateId")]
    public string CreateId() => Signal.CreateId(SignalKind.VolumeSpike, "bitcoin:coingecko", "volume-spike", "1", At);
}
