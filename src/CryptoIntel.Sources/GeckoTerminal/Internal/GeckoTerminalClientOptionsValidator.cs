using Microsoft.Extensions.Options;

namespace CryptoIntel.Sources.GeckoTerminal.Internal;

/// <summary>Checks the DataAnnotations of <see cref="GeckoTerminalClientOptions"/> (generated).</summary>
[OptionsValidator]
internal sealed partial class GeckoTerminalClientOptionsValidator : IValidateOptions<GeckoTerminalClientOptions>;
