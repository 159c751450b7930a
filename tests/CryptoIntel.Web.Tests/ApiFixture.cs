namespace CryptoIntel.Web.Tests;

/// <summary>One seeded host shared by the read-only tests of a class.</summary>
public sealed class ApiFixture : WebAppFactory;
