using CryptoIntel.Signals.Sentiment;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Signals.Embeddings.Internal;

/// <summary>Validates <see cref="EmbeddingSentimentScorerOptions"/> (source-generated from its DataAnnotations).</summary>
[OptionsValidator]
internal sealed partial class EmbeddingSentimentScorerOptionsValidator : IValidateOptions<EmbeddingSentimentScorerOptions>;
