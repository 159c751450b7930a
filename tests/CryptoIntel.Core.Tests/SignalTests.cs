using System.Text.Json;

namespace CryptoIntel.Core.Tests;

public sealed class SignalTests
{
    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void CreateId_IsDeterministicAndSensitiveToEveryPart()
    {
        var id = Signal.CreateId(SignalKind.VolumeSpike, "bitcoin", "volume-spike", "1", At);
        Assert.Equal(id, Signal.CreateId("VOLUME-SPIKE", "bitcoin", "volume-spike", "1", At));
        Assert.Equal(32, id.Length);
        Assert.NotEqual(id, Signal.CreateId(SignalKind.PriceMove, "bitcoin", "volume-spike", "1", At));
        Assert.NotEqual(id, Signal.CreateId(SignalKind.VolumeSpike, "ethereum", "volume-spike", "1", At));
        Assert.NotEqual(id, Signal.CreateId(SignalKind.VolumeSpike, "bitcoin", "other", "1", At));
        Assert.NotEqual(id, Signal.CreateId(SignalKind.VolumeSpike, "bitcoin", "volume-spike", "2", At));
        Assert.NotEqual(id, Signal.CreateId(SignalKind.VolumeSpike, "bitcoin", "volume-spike", "1", At.AddTicks(1)));
        // The same instant in another offset is the same detection.
        Assert.Equal(id, Signal.CreateId(SignalKind.VolumeSpike, "bitcoin", "volume-spike", "1", At.ToOffset(TimeSpan.FromHours(2))));
    }

    [Theory]
    // Stored and published ids must never change between versions: these are SHA-256 of the UTF-8 text
    // "kind\nsubject\ndetector\nversion\nUTC ticks", first 16 bytes in hex (computed independently).
    [InlineData("volume-spike", "bitcoin", "volume-spike", "1", "5cca2a9c28095f13b56ee37763568a89")]
    [InlineData("news-velocity", "entity:société-générale-€", "news-velocity", "2", "c0dfff9a5458e9bf0fc2b9d2222f8187")]
    [InlineData("price-move", null, "price-move", "1", "625b6ab8fa913154f3a3a923a0e0e19c")] // a 605-byte subject: the pooled-buffer path
    public void CreateId_IsStable(string kind, string? subject, string detector, string version, string expected)
    {
        subject ??= "pool:" + new string('é', 300);
        Assert.Equal(expected, Signal.CreateId(kind, subject, detector, version, At));
    }

    [Fact]
    public void Json_RoundTripsKindsDirectionsAssetsAndEvidence()
    {
        var signal = new Signal("abc", SignalKind.Depeg, "tether", SignalDirection.Down, 0.012, 0.8, At, "depeg", "1")
        {
            Asset = new AssetId("tether"),
            Evidence = [new SignalEvidence("deviation", 0.012, 0.005)],
            Entities = ["tether"],
        };
        var json = JsonSerializer.Serialize(signal);
        Assert.Contains("\"Kind\":\"depeg\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Direction\":\"Down\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Asset\":\"tether\"", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize<Signal>(json)!;
        Assert.Equal(signal.Kind, back.Kind);
        Assert.Equal(signal.Asset, back.Asset);
        Assert.Equal(signal.Evidence, back.Evidence);
        Assert.Equal(signal.DetectedAt, back.DetectedAt);
    }

    [Theory]
    [InlineData("{\"Kind\":\"\"}")]
    [InlineData("{\"Kind\":3}")]
    public void Json_RejectsEmptyOrNonStringKinds(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<KindHolder>(json));

    private sealed record KindHolder(SignalKind Kind);
}
