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

    /// <summary>
    /// Gets or sets the weight of the fast ML model in the answer: the scorer returns the softmax of
    /// <c>(1 − w)·log p(transformer) + w·log p(fast model)</c>, a weighted geometric mean of the two models' probabilities.
    /// It is combined only with answers of the fallback scorer that come from an ML model
    /// (<see cref="SentimentScorerKind.MachineLearning"/>); 0 answers with the transformer alone. At least 0, below 1.
    /// </summary>
    /// <value>0.4: chosen on a held-out tenth of the tweets' training split (see the package README); against the
    /// transformer alone it adds 0.1 to 3 points of accuracy on the evaluation files and a few microseconds per text.</value>
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double FastModelWeight { get; set; } = 0.4;
}
