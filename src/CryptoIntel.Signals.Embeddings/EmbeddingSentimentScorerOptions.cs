using System.ComponentModel.DataAnnotations;

namespace CryptoIntel.Signals.Sentiment;

/// <summary>Options of <see cref="EmbeddingSentimentScorer"/>.</summary>
public sealed class EmbeddingSentimentScorerOptions
{
    /// <summary>
    /// Gets or sets the path of a weights file written by <c>tools/CryptoIntel.Signals.Sentiment/finetune.py</c>, or null
    /// for the weights shipped in the package.
    /// </summary>
    /// <value>Null (the embedded model).</value>
    public string? ModelPath { get; set; }

    /// <summary>
    /// Gets or sets the longest text scored; longer texts are cut to this many characters (the sentence embedding reads
    /// at most the first 500 of them: the encoder takes 512 word pieces).
    /// </summary>
    /// <value>2,000 characters.</value>
    [Range(16, 1_000_000)]
    public int MaxTextLength { get; set; } = 2_000;
}
