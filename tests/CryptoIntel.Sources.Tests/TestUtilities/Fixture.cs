namespace CryptoIntel.Sources.Tests.TestUtilities;

/// <summary>The project's own small fixtures (written for the tests, in the providers' shapes), under <c>Fixtures/</c>.</summary>
public static class Fixture
{
    public static string Path(string relativePath) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath);

    public static string Read(string relativePath) => File.ReadAllText(Path(relativePath));
}
