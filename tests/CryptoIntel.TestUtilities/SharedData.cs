namespace CryptoIntel.Testing;

/// <summary>
/// Locates <c>../shared</c> (fixtures and data sets handed to the project, never copied into it).
/// Tests that read it call <see cref="RequireRoot"/>: outside this setting they skip with a reason,
/// in CI (<c>CI=true</c>) a missing folder is a failure.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> LazyRoot = new(Find);

    /// <summary>Gets the path of the shared folder, or null when it is absent.</summary>
    public static string? Root => LazyRoot.Value;

    /// <summary>Returns the shared folder, or skips the running test when it is absent (fails in CI).</summary>
    public static string RequireRoot()
    {
        if (Root is { } root)
        {
            return root;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("CI=true but ../shared was not found; set CRYPTOINTEL_SHARED to its path.");
        }

        Assert.Skip("../shared is absent (set CRYPTOINTEL_SHARED to run this test): skipped.");
        return string.Empty;
    }

    /// <summary>Returns a path under the shared folder, skipping the test when the folder is absent.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([RequireRoot(), .. parts]);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CRYPTOINTEL_SHARED") is { Length: > 0 } env && Directory.Exists(env))
        {
            return System.IO.Path.GetFullPath(env);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "fixtures")) && Directory.Exists(System.IO.Path.Combine(candidate, "data")))
            {
                return candidate;
            }
        }

        return null;
    }
}
