using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.News.Internal;

/// <summary>Validates <see cref="ChatNewsAnalysisOptions"/> (source-generated from its DataAnnotations).</summary>
[OptionsValidator]
internal sealed partial class ChatNewsAnalysisOptionsValidator : IValidateOptions<ChatNewsAnalysisOptions>;
