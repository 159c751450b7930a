using System.Reflection;
using CryptoIntel.Testing;

namespace CryptoIntel.Sources.Tests.Conformance;

public class SharedFixturesCoverageTests
{
    /// <summary>Every captured response handed to us must be replayed through a real client by some test.</summary>
    [Fact]
    public void EverySharedFixture_IsReplayedByAConformanceTest()
    {
        var root = SharedData.Path("fixtures");
        var onDisk = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var covered = typeof(SharedFixturesCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetCustomAttributes<SharedFixtureAttribute>())
            .Select(a => a.RelativePath)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(onDisk);
        var notReplayed = onDisk.Where(f => !covered.Contains(f)).ToList();
        var missing = covered.Where(f => !onDisk.Contains(f)).ToList();
        Assert.True(notReplayed.Count == 0, "Not replayed by any test: " + string.Join(", ", notReplayed));
        Assert.True(missing.Count == 0, "Named by a test but not on disk: " + string.Join(", ", missing));
    }
}
