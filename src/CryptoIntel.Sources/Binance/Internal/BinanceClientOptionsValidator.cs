using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.Binance.Internal;

/// <summary>Checks the DataAnnotations of <see cref="BinanceClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class BinanceClientOptionsValidator : IValidateOptions<BinanceClientOptions>;
