namespace CryptoIntel.Sources.Tests.Conformance;

/// <summary>Marks a test that replays a file of <c>../shared/fixtures/</c> through a real client and asserts its parsed values.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SharedFixtureAttribute(string relativePath) : Attribute
{
    public string RelativePath { get; } = relativePath;
}
