using System.ComponentModel;
using CryptoIntel.Storage;
using CryptoIntel.Web.Hosting;
using CryptoIntel.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CryptoIntel.Web.Api;

/// <summary>What every API handler needs: the store, the clock, the page-size limit.</summary>
internal sealed class ApiContext(ICryptoIntelStore store, TimeProvider time, IOptions<WebOptions> options)
{
    public ICryptoIntelStore Store { get; } = store;

    public DateTimeOffset Now => time.GetUtcNow();

    public int MaxPageSize { get; } = Math.Min(options.Value.MaxPageSize, PageQuery.MaxLimit);
}

/// <summary>Shared pieces of the endpoint groups.</summary>
internal static class ApiSupport
{
    public const string LimitDescription = "Page size, 1 to 500 (default 50).";
    public const string CursorDescription = "The 'nextCursor' of the previous page, unchanged.";
    public const string FromDescription = "Start of the range, ISO 8601 (e.g. 2025-01-31T00:00:00Z).";
    public const string ToDescription = "End of the range, ISO 8601 (default: now).";

    public static readonly string[] Windows = ["1h", "24h", "7d", "30d"];

    public static TimeSpan WindowSpan(string window) => window switch
    {
        "1h" => TimeSpan.FromHours(1),
        "7d" => TimeSpan.FromDays(7),
        "30d" => TimeSpan.FromDays(30),
        _ => TimeSpan.FromHours(24),
    };

    /// <summary>Every signal kind SignalKind names (its static properties), for validating <c>kind</c>.</summary>
    public static readonly string[] SignalKinds = typeof(SignalKind)
        .GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(SignalKind))
        .Select(p => ((SignalKind)p.GetValue(null)!).Value)
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static readonly string[] Directions = ["up", "down", "neutral"];

    public static SignalDirection ParseDirection(string direction) => direction switch
    {
        "up" => SignalDirection.Up,
        "down" => SignalDirection.Down,
        _ => SignalDirection.Neutral,
    };

    public static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: $"No {what} with id '{Truncate(id)}'.");

    private static string Truncate(string value) => value.Length <= 100 ? value : value[..100] + "…";

    public static PageDto<TOut> Map<TIn, TOut>(Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToArray(), page.NextCursor);

    /// <summary>
    /// Turns the store's <see cref="InvalidCursorException"/> (a well-formed cursor from another query, or a forged
    /// one) into the same 400 problem as a malformed cursor.
    /// </summary>
    public static RouteGroupBuilder WithCursorErrors(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (InvalidCursorException)
            {
                var validator = new QueryValidator();
                validator.Error("cursor", QueryValidator.CursorMessage);
                return validator.Problem();
            }
        });
        return group;
    }

    /// <summary>Marks a read endpoint: output-cached and documented with its 400 answer.</summary>
    public static RouteHandlerBuilder Read(this RouteHandlerBuilder builder, string name, string summary, string description) => builder
        .WithName(name)
        .WithSummary(summary)
        .WithDescription(description)
        .CacheOutput(ApiOutputCachePolicy.Name)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}

/// <summary>Descriptions of parameters used by many endpoints (shown in the OpenAPI document).</summary>
internal static class P
{
    public sealed class LimitAttribute() : DescriptionAttribute(ApiSupport.LimitDescription);

    public sealed class CursorAttribute() : DescriptionAttribute(ApiSupport.CursorDescription);

    public sealed class FromAttribute() : DescriptionAttribute(ApiSupport.FromDescription);

    public sealed class ToAttribute() : DescriptionAttribute(ApiSupport.ToDescription);
}
