using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Sentiment.Internal;

/// <summary>Validates <see cref="SentimentScorerOptions"/> (source-generated from its DataAnnotations).</summary>
[OptionsValidator]
internal sealed partial class SentimentScorerOptionsValidator : IValidateOptions<SentimentScorerOptions>;
