using System.Text.Json.Serialization;
using CryptoIntel.Sources.Internal.Json;

namespace CryptoIntel.Sources.CoinGecko.Internal;

[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    Converters = [typeof(LenientDecimalConverter), typeof(LenientRequiredDecimalConverter), typeof(LenientDoubleConverter)])]
[JsonSerializable(typeof(List<CoinMarket>))]
[JsonSerializable(typeof(GlobalEnvelope))]
[JsonSerializable(typeof(TrendingDto))]
[JsonSerializable(typeof(List<CoinListEntry>))]
[JsonSerializable(typeof(List<CoinCategory>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(CoinDetailDto))]
[JsonSerializable(typeof(MarketChartDto))]
[JsonSerializable(typeof(List<decimal?[]>))]
[JsonSerializable(typeof(Dictionary<string, Dictionary<string, decimal?>>))]
internal sealed partial class CoinGeckoJsonContext : JsonSerializerContext;
