using BenchmarkDotNet.Running;

// Run one area at a time, e.g.:
//   dotnet run -c Release --project benchmarks/CryptoIntel.Benchmarks -- --filter '*Markets*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
