using CryptoIntel.Web.Security;

namespace CryptoIntel.Web.Api;

/// <summary>Maps the JSON API under <c>/api</c>.</summary>
internal static class ApiEndpoints
{
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(ApiKeyDefaults.ReadPolicy)
            .WithCursorErrors();
        MarketEndpoints.Map(api);
        DefiEndpoints.Map(api);
        NewsEndpoints.Map(api);
        SignalEndpoints.Map(api);
        UserEndpoints.Map(api);
        return api;
    }
}
