using System.Diagnostics;
using System.Text.Json;

namespace CryptoIntel.Web.BrowserTests;

/// <summary>
/// Each dashboard in headless chromium (playwright-core): it renders its data at desktop and phone sizes, a signal
/// stored after the page loaded appears without a reload, and nothing fails in the page. Screenshots go to
/// <c>artifacts/screenshots/</c>. Skips when node, chromium or playwright-core are missing, unless
/// <c>CRYPTOINTEL_REQUIRE_SERVICES=1</c> (CI).
/// </summary>
public sealed class DashboardTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Theory]
    [InlineData("main")]
    [InlineData("intelligence")]
    [InlineData("enhanced")]
    public async Task Dashboard_RendersItsDataAndUpdatesLive(string page)
    {
        var (node, chromium) = BrowserTools.Require();
        var screenshots = Path.Combine(BrowserHost.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(screenshots);
        var cancellationToken = TestContext.Current.CancellationToken;

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = BrowserHost.ProjectDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "dashboards.mjs", host.BaseAddress.AbsoluteUri, page, screenshots, chromium })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var results = new List<string>();
        var failures = new List<string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(100));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                using var message = JsonDocument.Parse(line);
                var root = message.RootElement;
                switch (root.GetProperty("event").GetString())
                {
                    case "publish":
                        var id = await host.PublishSignalAsync(timeout.Token);
                        await process.StandardInput.WriteLineAsync($"published {id}".AsMemory(), timeout.Token);
                        await process.StandardInput.FlushAsync(timeout.Token);
                        break;
                    case "check":
                        var text = $"{root.GetProperty("viewport").GetString()}: {root.GetProperty("name").GetString()}" +
                            (root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } d ? $" ({d})" : string.Empty);
                        results.Add((root.GetProperty("ok").GetBoolean() ? "ok   " : "FAIL ") + text);
                        if (!root.GetProperty("ok").GetBoolean())
                        {
                            failures.Add(text);
                        }

                        break;
                    case "loaded":
                        results.Add($"{root.GetProperty("viewport").GetString()}: all data shown {root.GetProperty("ms").GetInt64()} ms after navigation");
                        break;
                    default:
                        break;
                }
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync(cancellationToken);
        results.Add($"browser run {clock.ElapsedMilliseconds} ms");
        TestContext.Current.SendDiagnosticMessage(string.Join('\n', results));
        await File.WriteAllLinesAsync(Path.Combine(screenshots, $"{page}-checks.txt"), results, cancellationToken);
        Assert.True(process.ExitCode == 0, $"node exited with {process.ExitCode}: {await stderr}");
        Assert.True(results.Count >= 10, "too few checks ran:\n" + string.Join('\n', results) + "\n" + await stderr);
        Assert.True(failures.Count == 0, $"{page}: " + string.Join("; ", failures) + "\n" + string.Join('\n', results));
        Assert.True(File.Exists(Path.Combine(screenshots, $"{page}-desktop.png")));
        Assert.True(File.Exists(Path.Combine(screenshots, $"{page}-phone.png")));
    }
}

/// <summary>Finds node, chromium and playwright-core (installed from this folder's lockfile), or skips.</summary>
internal static class BrowserTools
{
    public static (string Node, string Chromium) Require()
    {
        var node = Find("node");
        var chromium = Environment.GetEnvironmentVariable("CRYPTOINTEL_CHROMIUM") is { Length: > 0 } configured ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists) ?? Find("chromium");
        string? missing = node is null ? "node" : chromium is null ? "chromium" : null;
        if (missing is null && !Directory.Exists(Path.Combine(BrowserHost.ProjectDirectory, "node_modules", "playwright-core")))
        {
            // Installed from the lockfile, as .ci/run does.
            var npm = Find("npm");
            if (npm is not null)
            {
                using var install = Process.Start(new ProcessStartInfo(npm, "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = BrowserHost.ProjectDirectory })!;
                install.WaitForExit(120_000);
            }

            missing = Directory.Exists(Path.Combine(BrowserHost.ProjectDirectory, "node_modules", "playwright-core")) ? null : "playwright-core (npm ci in tests/CryptoIntel.Web.BrowserTests)";
        }

        if (missing is not null)
        {
            if (Environment.GetEnvironmentVariable("CRYPTOINTEL_REQUIRE_SERVICES") == "1")
            {
                throw new InvalidOperationException($"{missing} is missing but browser tests are required (CI installs it in .ci/run).");
            }

            Assert.Skip($"{missing} is not installed; .ci/run installs chromium and runs npm ci.");
        }

        return (node!, chromium!);
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
