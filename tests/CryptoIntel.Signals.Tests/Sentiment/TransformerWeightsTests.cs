using System.Text;
using CryptoIntel.Signals.Embeddings.Internal;

namespace CryptoIntel.Signals.Tests.Sentiment;

public sealed class TransformerWeightsTests
{
    private static readonly byte[] Sha = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];

    [Fact]
    public void Read_FloatAndQuantizedTensors_RoundTrip()
    {
        var file = Write(version: 1, tensors:
        [
            w => Tensor(w, "head.bias", 0, [3], () => Floats(w, 0.5f, -1f, 2f)),
            w => Tensor(w, "927", 1, [2, 3], () =>
            {
                Floats(w, 0.1f, 1f, 0.01f); // one scale per column
                w.Write([unchecked((byte)(sbyte)-127), 2, 100, 5, unchecked((byte)(sbyte)-3), 127]);
            }),
        ]);

        var weights = TransformerWeights.Read(file);

        Assert.Equal(Sha, weights.BaseModelSha256);
        Assert.Equal([0.5f, -1f, 2f], weights.Take("head.bias", [3]));
        var matrix = Assert.Single(weights.Tensors);
        Assert.Equal("927", matrix.Name);
        Assert.Equal([2, 3], matrix.Dimensions);
        float[] expected = [-12.7f, 2f, 1f, 0.5f, -3f, 1.27f];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], matrix.Values[i], 5);
        }
    }

    [Fact]
    public void Take_MissingOrMisshapenTensor_Throws()
    {
        var weights = TransformerWeights.Read(Write(1, [w => Tensor(w, "head.bias", 0, [3], () => Floats(w, 1, 2, 3))]));

        Assert.Throws<InvalidDataException>(() => weights.Take("head.weight", [3, 384]));
        Assert.Throws<InvalidDataException>(() => weights.Take("head.bias", [4]));
    }

    [Fact]
    public void Read_BadMagic_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(new MemoryStream("PK\u0003\u0004 a zip file"u8.ToArray())));
        Assert.Contains("magic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OtherVersion_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(Write(2, [w => Tensor(w, "head.bias", 0, [1], () => Floats(w, 1))])));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryTruncation_ThrowsInvalidData()
    {
        var whole = Write(1, [w => Tensor(w, "927", 1, [2, 2], () =>
        {
            Floats(w, 1, 1);
            w.Write([1, 2, 3, 4]);
        })]).ToArray();
        TransformerWeights.Read(new MemoryStream(whole));

        for (var length = 0; length < whole.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(new MemoryStream(whole[..length])));
        }
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Read_NonFiniteValue_Throws(float value)
    {
        Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(Write(1, [w => Tensor(w, "head.bias", 0, [2], () => Floats(w, 1, value))])));
    }

    [Theory]
    [InlineData(2, 1)] // unknown kind
    [InlineData(1, 1)] // quantized but not a matrix
    [InlineData(0, 0)] // rank 0
    [InlineData(0, 9)] // rank 9
    public void Read_BadKindOrRank_Throws(byte kind, int rank)
    {
        var file = Write(1, [w =>
        {
            var name = Encoding.UTF8.GetBytes("x");
            w.Write(name.Length);
            w.Write(name);
            w.Write(kind);
            w.Write(rank);
            for (var d = 0; d < rank; d++)
            {
                w.Write(1);
            }

            Floats(w, 1);
        }]);
        Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(file));
    }

    [Fact]
    public void Read_HugeDimension_ThrowsBeforeAllocating()
    {
        Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(Write(1, [w => Tensor(w, "x", 0, [int.MaxValue], () => { })])));
        Assert.Throws<InvalidDataException>(() => TransformerWeights.Read(Write(1, [w => Tensor(w, "x", 0, [1 << 20, 1 << 20], () => { })])));
    }

    [Fact]
    public void Load_WeightsOfAnotherBaseModel_Throws()
    {
        var error = Assert.Throws<InvalidDataException>(() => SentimentTransformer.Load(Write(1, [w => Tensor(w, "head.bias", 0, [3], () => Floats(w, 1, 2, 3))])));
        Assert.Contains("another base model", error.Message, StringComparison.Ordinal);
    }

    private static MemoryStream Write(int version, Action<BinaryWriter>[] tensors)
    {
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write("CIMT"u8);
            w.Write(version);
            w.Write(Sha);
            w.Write(tensors.Length);
            foreach (var tensor in tensors)
            {
                tensor(w);
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static void Tensor(BinaryWriter w, string name, byte kind, int[] dims, Action payload)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        w.Write(bytes.Length);
        w.Write(bytes);
        w.Write(kind);
        w.Write(dims.Length);
        foreach (var d in dims)
        {
            w.Write(d);
        }

        payload();
    }

    private static void Floats(BinaryWriter w, params float[] values)
    {
        foreach (var v in values)
        {
            w.Write(v);
        }
    }
}
