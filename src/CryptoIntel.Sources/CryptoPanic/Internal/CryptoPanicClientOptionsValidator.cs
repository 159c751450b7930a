using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.CryptoPanic.Internal;

/// <summary>Checks the DataAnnotations of <see cref="CryptoPanicClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class CryptoPanicClientOptionsValidator : IValidateOptions<CryptoPanicClientOptions>;
