using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.CoinGecko.Internal;

/// <summary>Checks the DataAnnotations of <see cref="CoinGeckoClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class CoinGeckoClientOptionsValidator : IValidateOptions<CoinGeckoClientOptions>;
