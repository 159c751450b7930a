using System.Text.Json.Serialization;
using CryptoIntel.Pipeline;

namespace CryptoIntel.Worker;

[JsonSourceGenerationOptions(WriteIndented = false, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SourceSummary))]
[JsonSerializable(typeof(CycleSummary))]
internal sealed partial class WorkerJsonContext : JsonSerializerContext;
