using System.Net;
using System.Text;
using CryptoIntel.Testing;

namespace CryptoIntel.Sources.Tests.TestUtilities;

/// <summary>Serves a file of <c>../shared/fixtures/</c> (skipping the test when the folder is absent) through a client's real pipeline.</summary>
public static class SharedFixtureHost
{
    public static StubHandler RespondShared(this StubHandler stub, string relativePath, HttpStatusCode status = HttpStatusCode.OK, Action<HttpResponseMessage>? configure = null)
    {
        var body = File.ReadAllText(SharedData.Path("fixtures", relativePath), Encoding.UTF8);
        return stub.Respond(status, body, "application/json", configure);
    }
}
