using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals.Sentiment;

/// <summary>Options of <see cref="MlSentimentScorer"/>.</summary>
public sealed class SentimentScorerOptions
{
    /// <summary>Gets or sets the path of an ML.NET model zip written by the training command, or null for the model shipped in the package.</summary>
    /// <value>Null (the embedded model).</value>
    public string? ModelPath { get; set; }

    /// <summary>Gets or sets the longest text scored; longer texts are cut to this many characters.</summary>
    /// <value>2,000 characters.</value>
    [Range(16, 1_000_000)]
    public int MaxTextLength { get; set; } = 2_000;
}
