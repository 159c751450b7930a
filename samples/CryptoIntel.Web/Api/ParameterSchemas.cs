using System.Globalization;
using System.Text.Json.Nodes;
using CryptoIntel.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace CryptoIntel.Web.Api;

/// <summary>
/// The real type of a query or route parameter that an endpoint binds as a string. The endpoints parse such
/// parameters themselves (<see cref="Http.QueryValidator"/>), so that <c>limit=abc</c> or <c>from=yesterday</c> gets
/// the API's own 400 problem, not the framework's binding failure; the OpenAPI document should still tell clients
/// that <c>limit</c> is an integer. The same holds for a request-body property the handler checks itself (an alert
/// rule's <c>kind</c> is one of the signal kinds, its <c>minConfidence</c> 0..1). <see cref="ParameterSchemaTransformer"/>
/// writes this into the document.
/// </summary>
internal sealed record ParameterSchema
{
    private ParameterSchema(JsonSchemaType type, string? format)
    {
        Type = type;
        Format = format;
    }

    /// <summary>The JSON type the parameter's value is parsed as.</summary>
    public JsonSchemaType Type { get; }

    /// <summary>The OpenAPI format (<c>int32</c>, <c>double</c>, <c>date-time</c>), if any.</summary>
    public string? Format { get; }

    /// <summary>The smallest value accepted.</summary>
    public double? Minimum { get; private init; }

    /// <summary>The largest value accepted; for a page size, the host's page-size limit (see <see cref="MaximumIsPageSize"/>).</summary>
    public double? Maximum { get; private init; }

    /// <summary>True when the maximum is the host's configured page-size limit (<c>Web:MaxPageSize</c>).</summary>
    public bool MaximumIsPageSize { get; private init; }

    /// <summary>The accepted values (matched case-insensitively), for a choice among a few words.</summary>
    public IReadOnlyList<string>? Values { get; private init; }

    /// <summary>The value used when the parameter is absent, if a single one is.</summary>
    public JsonNode? Default { get; private init; }

    /// <summary>The pattern (ECMA 262, as JSON Schema reads it) a text value must match.</summary>
    public string? Pattern { get; private init; }

    /// <summary>The fewest items of a list.</summary>
    public int? MinItems { get; private init; }

    /// <summary>The most items of a list.</summary>
    public int? MaxItems { get; private init; }

    /// <summary>A page size: 1 to the host's page-size limit.</summary>
    public static ParameterSchema PageSize(int defaultValue) =>
        new(JsonSchemaType.Integer, "int32") { Minimum = 1, MaximumIsPageSize = true, Default = defaultValue };

    /// <summary>A whole number between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static ParameterSchema Integer(int minimum, int maximum, int defaultValue) =>
        new(JsonSchemaType.Integer, "int32") { Minimum = minimum, Maximum = maximum, Default = defaultValue };

    /// <summary>A number between <paramref name="minimum"/> and <paramref name="maximum"/>, with a default or (null) without.</summary>
    public static ParameterSchema Number(double minimum, double maximum, double? defaultValue = null) =>
        new(JsonSchemaType.Number, "double") { Minimum = minimum, Maximum = maximum, Default = defaultValue };

    /// <summary>An ISO 8601 instant (a date alone is accepted too, as midnight UTC).</summary>
    public static ParameterSchema Instant { get; } = new(JsonSchemaType.String, "date-time");

    /// <summary>One of <paramref name="values"/>.</summary>
    public static ParameterSchema OneOf(IReadOnlyList<string> values, string? defaultValue) =>
        new(JsonSchemaType.String, null) { Values = values, Default = defaultValue };

    /// <summary>Text matching <paramref name="pattern"/> (a pattern both .NET and ECMA 262 read alike), without a default.</summary>
    public static ParameterSchema Matching(string pattern) =>
        new(JsonSchemaType.String, null) { Pattern = pattern };

    /// <summary>A list of <paramref name="minimum"/> to <paramref name="maximum"/> items (a request-body property).</summary>
    public static ParameterSchema Items(int minimum, int maximum) =>
        new(JsonSchemaType.Array, null) { MinItems = minimum, MaxItems = maximum };

    /// <summary>This schema as an OpenAPI schema (a parameter's), a page size limited to <paramref name="maxPageSize"/>.</summary>
    public OpenApiSchema ToOpenApiSchema(int maxPageSize)
    {
        var schema = new OpenApiSchema { Type = Type, Format = Format };
        Constrain(schema, maxPageSize);
        return schema;
    }

    /// <summary>
    /// Adds the bounds, values, pattern and default to the schema the generator wrote for a request-body property,
    /// keeping its type (which says whether <c>null</c> is accepted: then <c>null</c> is one of the values too).
    /// </summary>
    public void Constrain(OpenApiSchema schema, int maxPageSize)
    {
        var maximum = MaximumIsPageSize ? maxPageSize : Maximum;
        schema.Minimum = Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
        schema.Maximum = maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
        schema.MinItems = MinItems ?? schema.MinItems;
        schema.MaxItems = MaxItems ?? schema.MaxItems;
        schema.Pattern = Pattern ?? schema.Pattern;
        schema.Default = Default?.DeepClone() ?? schema.Default;
        if (Values is not null)
        {
            var values = Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToList();
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                values.Add(null);
            }

            schema.Enum = values!;
        }
    }
}

/// <summary>An attribute that gives a string-bound parameter its real <see cref="ParameterSchema"/> in the OpenAPI document.</summary>
internal interface IParameterSchema
{
    /// <summary>The parameter's real schema.</summary>
    ParameterSchema Schema { get; }
}

/// <summary>
/// Replaces the <c>type: string</c> schema of every parameter that carries an <see cref="IParameterSchema"/>
/// attribute (<see cref="P"/>) with the schema the endpoint really parses, and adds the bounds, values and pattern of
/// such an attribute on a request body's property (on the record's positional parameter) to that property's schema.
/// The document only: binding, parsing and error messages stay as they are.
/// </summary>
internal sealed class ParameterSchemaTransformer(IOptions<WebOptions> options) : IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    private readonly int _maxPageSize = ApiContext.MaxPageSizeOf(options.Value);

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.Parameters is not { Count: > 0 } parameters)
        {
            return Task.CompletedTask;
        }

        foreach (var description in context.Description.ParameterDescriptions)
        {
            if (description.ParameterDescriptor is not IParameterInfoParameterDescriptor { ParameterInfo: var info }
                || SourceOf(info) is not { } source)
            {
                continue;
            }

            foreach (var parameter in parameters.OfType<OpenApiParameter>())
            {
                if (string.Equals(parameter.Name, description.Name, StringComparison.Ordinal))
                {
                    parameter.Schema = source.Schema.ToOpenApiSchema(_maxPageSize);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { } property
            && (SourceOf(property.AttributeProvider) ?? SourceOf(property.AssociatedParameter?.AttributeProvider)) is { } source)
        {
            source.Schema.Constrain(schema, _maxPageSize);
        }

        return Task.CompletedTask;
    }

    private static IParameterSchema? SourceOf(System.Reflection.ICustomAttributeProvider? provider) =>
        provider?.GetCustomAttributes(inherit: false).OfType<IParameterSchema>().FirstOrDefault();
}
