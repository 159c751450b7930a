using System.Text.Json;
using System.Text.Json.Serialization;

namespace CryptoIntel.Realtime.Internal;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Signal))]
[JsonSerializable(typeof(GateError))]
internal sealed partial class RealtimeJsonContext : JsonSerializerContext
{
}

/// <summary>The JSON body of a refused hub request (401, 503).</summary>
internal sealed record GateError(string Error, string Message);
