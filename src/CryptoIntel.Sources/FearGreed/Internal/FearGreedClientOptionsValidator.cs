using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.FearGreed.Internal;

/// <summary>Checks the DataAnnotations of <see cref="FearGreedClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class FearGreedClientOptionsValidator : IValidateOptions<FearGreedClientOptions>;
