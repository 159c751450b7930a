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

    public int MaxPageSize { get; } = MaxPageSizeOf(options.Value);

    /// <summary>The largest page a list answers: the configured limit, at most the store's.</summary>
    public static int MaxPageSizeOf(WebOptions options) => Math.Min(options.MaxPageSize, PageQuery.MaxLimit);
}

/// <summary>Shared pieces of the endpoint groups.</summary>
internal static class ApiSupport
{
    public const string LimitDescription = "Page size, 1 to the host's page-size limit (Web:MaxPageSize, 500 by default; the schema's maximum is the actual limit), default 50.";
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

    /// <summary>
    /// An evaluation horizon: a number of 1 to 4 digits and a unit (m, h or d), in either case, as the OpenAPI document's
    /// <c>pattern</c> (ECMA 262, where <c>$</c> is the end of the text). The endpoint checks <see cref="HorizonStart"/>
    /// followed by <c>\z</c>, because in .NET <c>$</c> also matches before a final line feed.
    /// </summary>
    public const string HorizonPattern = HorizonStart + "$";

    /// <summary>The part of <see cref="HorizonPattern"/> that .NET and ECMA 262 read alike.</summary>
    public const string HorizonStart = "^[0-9]{1,4}[mhdMHD]";

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

/// <summary>
/// Attributes of endpoint parameters: descriptions used by many endpoints, and the real schema (<see cref="IParameterSchema"/>)
/// of the parameters bound as strings but parsed as numbers, instants or one of a few words, for the OpenAPI document.
/// </summary>
internal static class P
{
    /// <summary>A page size: integer, 1 to the page-size limit, default 50.</summary>
    public sealed class LimitAttribute() : DescriptionAttribute(ApiSupport.LimitDescription), IParameterSchema
    {
        public ParameterSchema Schema { get; } = ParameterSchema.PageSize(50);
    }

    public sealed class CursorAttribute() : DescriptionAttribute(ApiSupport.CursorDescription);

    /// <summary>The start of a range: a date-time.</summary>
    public sealed class FromAttribute() : DescriptionAttribute(ApiSupport.FromDescription), IParameterSchema
    {
        public ParameterSchema Schema => ParameterSchema.Instant;
    }

    /// <summary>The end of a range: a date-time.</summary>
    public sealed class ToAttribute() : DescriptionAttribute(ApiSupport.ToDescription), IParameterSchema
    {
        public ParameterSchema Schema => ParameterSchema.Instant;
    }

    /// <summary>An instant parsed by <c>QueryValidator.Instant</c>: a date-time.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class InstantAttribute : Attribute, IParameterSchema
    {
        public ParameterSchema Schema => ParameterSchema.Instant;
    }

    /// <summary>A whole number parsed by <c>QueryValidator.Integer</c> with these bounds and default.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class IntegerAttribute(int minimum, int maximum, int defaultValue) : Attribute, IParameterSchema
    {
        public ParameterSchema Schema { get; } = ParameterSchema.Integer(minimum, maximum, defaultValue);
    }

    /// <summary>
    /// A number parsed by <c>QueryValidator.Number</c> (or a body's number checked by its handler) with these bounds;
    /// no default unless <see cref="Default"/> is set (absent means no filter).
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class NumberAttribute(double minimum, double maximum) : Attribute, IParameterSchema
    {
        /// <summary>The value used when the number is absent; NaN (the default) for none.</summary>
        public double Default { get; set; } = double.NaN;

        public ParameterSchema Schema => ParameterSchema.Number(minimum, maximum, double.IsNaN(Default) ? null : Default);
    }

    /// <summary>A request-body list the handler accepts with <paramref name="minimum"/> to <paramref name="maximum"/> items.</summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public sealed class ItemsAttribute(int minimum, int maximum) : Attribute, IParameterSchema
    {
        public ParameterSchema Schema { get; } = ParameterSchema.Items(minimum, maximum);
    }

    /// <summary>An evaluation horizon: text matching <see cref="ApiSupport.HorizonPattern"/>, e.g. 24h.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class HorizonAttribute : Attribute, IParameterSchema
    {
        public ParameterSchema Schema { get; } = ParameterSchema.Matching(ApiSupport.HorizonPattern);
    }

    /// <summary>
    /// One of the words a <c>QueryValidator.OneOf</c> call accepts (in a parameter or a request body): each set is a
    /// subclass that passes the very array the endpoint validates against, so the document cannot drift from the parser.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
    public abstract class OneOfAttribute(IReadOnlyList<string> values) : Attribute, IParameterSchema
    {
        /// <summary>The value used when the parameter is absent, if any.</summary>
        public string? Default { get; set; }

        public ParameterSchema Schema => ParameterSchema.OneOf(values, Default);
    }

    /// <summary>A time window: 1h, 24h, 7d or 30d.</summary>
    public sealed class WindowAttribute() : OneOfAttribute(ApiSupport.Windows);

    /// <summary>A signal kind (every kind <see cref="SignalKind"/> names).</summary>
    public sealed class SignalKindAttribute() : OneOfAttribute(ApiSupport.SignalKinds);

    /// <summary>A signal direction: up, down or neutral.</summary>
    public sealed class DirectionAttribute() : OneOfAttribute(ApiSupport.Directions);
}
