using System.Text.Json.Serialization;

namespace CryptoIntel.Storage.Internal;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(SignalEvidence[]))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
