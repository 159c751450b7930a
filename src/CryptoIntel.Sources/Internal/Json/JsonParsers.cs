using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CryptoIntel.Sources.Internal.Json;

/// <summary>Response parsers over source-generated JSON metadata.</summary>
internal static class JsonParsers
{
    /// <summary>Deserializes the whole body as <typeparamref name="T"/>; a JSON <c>null</c> body is an invalid response.</summary>
    public static ResponseParser<T> For<T>(JsonTypeInfo<T> typeInfo) where T : class =>
        async (body, cancellationToken) =>
            await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The body is the JSON literal null.");

    /// <summary>Deserializes the body as <typeparamref name="TWire"/> and maps it to the public model.</summary>
    public static ResponseParser<T> For<TWire, T>(JsonTypeInfo<TWire> typeInfo, Func<TWire, T> map) where TWire : class =>
        async (body, cancellationToken) =>
            map(await JsonSerializer.DeserializeAsync(body, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The body is the JSON literal null."));
}
