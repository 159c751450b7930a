using BenchmarkDotNet.Running;
using CryptoIntel.Benchmarks;

// Run one area at a time, e.g.:
//   dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*Markets*' --job short
//   dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*CacheHit*' --job short
//   dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --latency   (per-call cache-hit percentiles)
//   dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*PipelineCycle*' --job short   (one full cycle, replayed)
if (args is ["--latency", ..])
{
    CacheHitLatency.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
