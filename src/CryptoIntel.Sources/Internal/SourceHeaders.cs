namespace CryptoIntel.Sources.Internal;

/// <summary>Names shared by the handlers and the caller.</summary>
internal static class SourceHeaders
{
    /// <summary>Set on a 429 that the client-side budget made up (nothing was sent); its value is the window that refused.</summary>
    public const string BudgetRefused = "X-CryptoIntel-Budget-Refused";

    /// <summary>The credits a request costs against the monthly quota (CoinMarketCap charges by data points).</summary>
    public static readonly HttpRequestOptionsKey<int> Credits = new("CryptoIntel.Credits");

    /// <summary>Query parameters that carry secrets in some APIs; removed from recordings and never logged.</summary>
    public static readonly string[] SecretQueryParameters =
    [
        "auth_token", "apikey", "api_key", "key", "x_cg_demo_api_key", "x_cg_pro_api_key", "cmc_pro_api_key", "token",
    ];

    public static bool IsSecretParameter(ReadOnlySpan<char> name)
    {
        foreach (var secret in SecretQueryParameters)
        {
            if (name.Equals(secret, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
