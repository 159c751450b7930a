using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CryptoIntel.Web.Api;

/// <summary>
/// Makes the OpenAPI document say what the answers really hold, where the generator cannot see it:
/// <list type="bullet">
/// <item>The API leaves a property out of an answer when it is null (<c>JsonIgnoreCondition.WhenWritingNull</c>), while
/// the generator lists every constructor parameter of a record as required: properties that may be null leave the
/// <c>required</c> list of every answer's schema. Request bodies keep the generator's list: there it says what the
/// handler needs (an alert rule's <c>name</c>).</item>
/// <item><see cref="AssetId"/> and <see cref="SignalKind"/> are written as strings by their own JSON converters, which
/// the generator reads as "any value": their schemas become strings.</item>
/// </list>
/// </summary>
internal sealed class AnswerSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly HashSet<Type> RequestBodies = [typeof(CreateWatchlistRequest), typeof(CreateAlertRuleRequest)];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (type == typeof(AssetId) || type == typeof(SignalKind))
        {
            schema.Type = JsonSchemaType.String;
            schema.Examples = [JsonValue.Create(type == typeof(AssetId) ? "bitcoin" : "volume-spike")];
        }
        else if (schema.Required is { Count: > 0 } required && !RequestBodies.Contains(type))
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.IsGetNullable)
                {
                    required.Remove(property.Name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
