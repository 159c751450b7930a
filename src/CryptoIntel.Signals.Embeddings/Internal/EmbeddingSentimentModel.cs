using CryptoIntel.Signals.Sentiment.Internal;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CryptoIntel.Signals.Embeddings.Internal;

/// <summary>The row the embedding model reads: the fast model's inputs plus the text's sentence embedding.</summary>
internal sealed class EmbeddingModelInput
{
    /// <summary>Gets or sets the normalised text (as <see cref="SentimentModelInput.Text"/>).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Gets or sets the lexicon features (as <see cref="SentimentModelInput.Lex"/>).</summary>
    [VectorType(LexiconEvidence.FeatureCount)]
    public float[] Lex { get; set; } = new float[LexiconEvidence.FeatureCount];

    /// <summary>Gets or sets the sentence embedding of the raw text (L2-normalised).</summary>
    [VectorType(SentenceEmbedder.Dimensions)]
    public float[] Emb { get; set; } = new float[SentenceEmbedder.Dimensions];

    /// <summary>Gets or sets the gold label (training only; empty when scoring).</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>Gets or sets the example weight (training only).</summary>
    public float Weight { get; set; } = 1f;

    /// <summary>Fills this row from a raw text and its embedding (the one preparation used by training and scoring).</summary>
    public void Fill(SentimentModelInput scratch, string text, float[] embedding, int maxLength)
    {
        scratch.Fill(text, maxLength);
        Text = scratch.Text;
        scratch.Lex.CopyTo(Lex, 0);
        embedding.CopyTo(Emb, 0);
    }
}

/// <summary>Builds, trains and opens the embedding sentiment model (the fast model's features + <c>Emb</c>).</summary>
internal static class EmbeddingSentimentModel
{
    /// <summary>The logical name of the embedded model.</summary>
    public const string ResourceName = "CryptoIntel.Signals.Embeddings.sentiment-embedding-model.zip";

    /// <summary>The texts embedded per encoder call while preparing or scoring a batch.</summary>
    public const int BatchSize = 64;

    /// <summary>Turns labelled texts (with a weight each) into model rows, embedding them in batches.</summary>
    public static List<EmbeddingModelInput> Prepare(IReadOnlyList<(LabelledText Row, float Weight)> rows, ISentenceEmbedder embedder, CancellationToken cancellationToken = default)
    {
        var list = new List<EmbeddingModelInput>(rows.Count);
        var scratch = new SentimentModelInput();
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, rows.Count - start);
            var vectors = embedder.Embed([.. Enumerable.Range(start, count).Select(i => Cut(rows[i].Row.Text, SentimentModel.TrainingMaxLength))], cancellationToken);
            for (var i = 0; i < count; i++)
            {
                var (row, weight) = rows[start + i];
                var input = new EmbeddingModelInput { Label = SentimentCsv.Format(row.Label), Weight = weight };
                input.Fill(scratch, row.Text, vectors[i], SentimentModel.TrainingMaxLength);
                list.Add(input);
            }
        }

        return list;
    }

    /// <summary>Trains a model on prepared rows with the fast model's estimator chain plus the embedding.</summary>
    public static (MLContext Context, ITransformer Model, DataViewSchema Schema) Train(List<EmbeddingModelInput> rows, SentimentTrainingOptions options)
    {
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = SentimentModel.BuildPipeline(ml, options, nameof(EmbeddingModelInput.Emb)).Fit(data);
        return (ml, model, data.Schema);
    }

    /// <summary>Opens the model embedded in this assembly, or returns null when the build shipped none.</summary>
    public static Stream? OpenEmbedded() => typeof(EmbeddingSentimentModel).Assembly.GetManifestResourceStream(ResourceName);

    /// <summary>Cuts a text to at most <paramref name="maxLength"/> characters.</summary>
    public static string Cut(string text, int maxLength) => text.Length > maxLength ? text[..maxLength] : text;
}
