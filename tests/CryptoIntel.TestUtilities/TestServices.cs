namespace CryptoIntel.Testing;

/// <summary>
/// Services started by <c>.ci/run</c> on loopback (Redis, PostgreSQL). Outside CI a test that needs one
/// skips when it is not configured; with <c>CRYPTOINTEL_REQUIRE_SERVICES=1</c> (CI) a missing service fails.
/// </summary>
public static class TestServices
{
    /// <summary>Returns the Redis endpoint (<c>host:port</c>) or skips the test.</summary>
    public static string RequireRedis() => Require("CRYPTOINTEL_TEST_REDIS", "Redis");

    /// <summary>Returns the PostgreSQL server's Npgsql connection string (<c>CRYPTOINTEL_TEST_POSTGRES</c>) or skips the test.</summary>
    public static string RequirePostgres() => Require("CRYPTOINTEL_TEST_POSTGRES", "PostgreSQL");

    private static string Require(string variable, string name)
    {
        if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
        {
            return value;
        }

        if (Environment.GetEnvironmentVariable("CRYPTOINTEL_REQUIRE_SERVICES") == "1")
        {
            throw new InvalidOperationException($"{variable} is not set but services are required (CI).");
        }

        Assert.Skip($"{name} is not configured ({variable}); .ci/run starts one on loopback.");
        return string.Empty;
    }
}
