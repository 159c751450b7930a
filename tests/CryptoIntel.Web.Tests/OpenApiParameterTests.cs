using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CryptoIntel.Web.Api;

namespace CryptoIntel.Web.Tests;

/// <summary>
/// The OpenAPI document gives the parameters the endpoints bind as strings (to answer bad values with their own 400)
/// the type they are really parsed as, so generated clients get integers, numbers, date-times, enums and patterns;
/// and the request bodies' properties that the handlers accept only from a set or within bounds say so.
/// </summary>
public sealed class OpenApiParameterTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    /// <summary>Parameter names that are never a plain string in this API.</summary>
    private static readonly HashSet<string> TypedNames =
        ["limit", "days", "minItems", "minConfidence", "from", "to", "since", "sort", "order", "interval", "kind", "direction", "window", "horizon"];

    /// <summary>Parameter names that really are strings (ids, free text, the opaque cursor).</summary>
    private static readonly HashSet<string> StringNames =
        ["id", "slug", "name", "cursor", "q", "source", "asset", "entity", "type", "chain", "category", "network"];

    /// <summary>Request-body properties the handlers accept only from a set or within bounds.</summary>
    private static readonly HashSet<string> ConstrainedBodyNames = ["kind", "direction", "minConfidence", "assets"];

    /// <summary>Request-body properties checked only as ids or free text.</summary>
    private static readonly HashSet<string> FreeBodyNames = ["name", "asset", "watchlistId"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/coins", 1, 500, 50)]
    [InlineData("/api/coins/{id}/news", 1, 500, 50)]
    [InlineData("/api/news", 1, 500, 50)]
    [InlineData("/api/signals/kinds/{kind}", 1, 500, 50)]
    [InlineData("/api/sources/cycles", 1, 500, 50)]
    [InlineData("/api/market/movers", 1, 50, 10)]
    [InlineData("/api/entities/trending", 1, 100, 20)]
    [InlineData("/api/entities/{id}/co-mentions", 1, 100, 20)]
    public async Task OpenApi_Limit_IsAnIntegerWithItsBoundsAndDefault(string path, int minimum, int maximum, int defaultValue)
    {
        var schema = await SchemaAsync(path, "limit");
        AssertInteger(schema, minimum, maximum, defaultValue);
    }

    [Theory]
    [InlineData("/api/fear-greed", "days", 1, 365, 30)]
    [InlineData("/api/news/stories", "minItems", 1, 1000, 1)]
    public async Task OpenApi_OtherCounts_AreIntegersWithTheirBoundsAndDefault(string path, string name, int minimum, int maximum, int defaultValue)
    {
        var schema = await SchemaAsync(path, name);
        AssertInteger(schema, minimum, maximum, defaultValue);
    }

    [Fact]
    public async Task OpenApi_MinConfidence_IsANumberFromZeroToOne()
    {
        var schema = await SchemaAsync("/api/signals", "minConfidence");
        Assert.Equal("number", schema.GetProperty("type").GetString());
        Assert.Equal(0, schema.GetProperty("minimum").GetDouble());
        Assert.Equal(1, schema.GetProperty("maximum").GetDouble());
        Assert.False(schema.TryGetProperty("default", out _));
    }

    [Theory]
    [InlineData("/api/coins/{id}/history", "from")]
    [InlineData("/api/coins/{id}/history", "to")]
    [InlineData("/api/global/history", "from")]
    [InlineData("/api/global/history", "to")]
    [InlineData("/api/defi/protocols/{slug}/tvl", "from")]
    [InlineData("/api/defi/chains/{name}/tvl", "to")]
    [InlineData("/api/news", "since")]
    [InlineData("/api/entities", "since")]
    [InlineData("/api/signals", "since")]
    [InlineData("/api/signals/track-record", "since")]
    public async Task OpenApi_Instants_AreDateTimeStrings(string path, string name)
    {
        var schema = await SchemaAsync(path, name);
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal("date-time", schema.GetProperty("format").GetString());
    }

    [Theory]
    [InlineData("/api/coins", "sort", "rank", "rank,volume,change24h,price,name")]
    [InlineData("/api/coins", "order", null, "desc,asc")]
    [InlineData("/api/coins/{id}/history", "interval", "1h", "raw,1h,1d")]
    [InlineData("/api/entities", "sort", "mentions", "mentions,lastSeen,id")]
    [InlineData("/api/entities/trending", "window", "24h", "1h,24h,7d,30d")]
    [InlineData("/api/entities/{id}/co-mentions", "window", "7d", "1h,24h,7d,30d")]
    [InlineData("/api/signals/stats", "window", "24h", "1h,24h,7d,30d")]
    [InlineData("/api/signals", "direction", null, "up,down,neutral")]
    [InlineData("/api/defi/protocols", "sort", "tvl", "tvl,change1d,change7d,slug")]
    [InlineData("/api/dex/pools", "sort", "volume", "volume,liquidity,change24h")]
    public async Task OpenApi_Choices_ListTheirValuesAndDefault(string path, string name, string? defaultValue, string values)
    {
        var schema = await SchemaAsync(path, name);
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal(values.Split(','), schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(defaultValue, schema.TryGetProperty("default", out var d) ? d.GetString() : null);
    }

    [Theory]
    [InlineData("/api/signals", "query")]
    [InlineData("/api/coins/{id}/signals", "query")]
    [InlineData("/api/signals/track-record", "query")]
    [InlineData("/api/signals/kinds/{kind}", "path")]
    public async Task OpenApi_SignalKind_ListsEveryKind(string path, string location)
    {
        using var json = await GetDocumentAsync();
        var parameter = Parameter(json, path, "kind");
        Assert.Equal(location, parameter.GetProperty("in").GetString());
        var kinds = parameter.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToArray();
        Assert.Equal(ApiSupport.SignalKinds, kinds);
        Assert.Contains("volume-spike", kinds);
    }

    [Fact]
    public async Task OpenApi_Horizon_IsTextMatchingThePatternTheEndpointChecks()
    {
        var schema = await SchemaAsync("/api/signals/track-record", "horizon");
        Assert.Equal("string", schema.GetProperty("type").GetString());
        Assert.Equal(ApiSupport.HorizonPattern, schema.GetProperty("pattern").GetString());
        Assert.Equal("^[0-9]{1,4}[mhdMHD]$", schema.GetProperty("pattern").GetString());
        Assert.False(schema.TryGetProperty("default", out _));
        Assert.False(schema.TryGetProperty("enum", out _));
    }

    [Theory]
    [InlineData("24h")]
    [InlineData("4H")]
    [InlineData("15m")]
    [InlineData("3d")]
    [InlineData("9999h")]
    [InlineData("24")]
    [InlineData("h")]
    [InlineData("24w")]
    [InlineData("12345h")]
    [InlineData("1.5h")]
    [InlineData("-1h")]
    [InlineData("24hh")]
    public async Task OpenApi_HorizonPattern_AgreesWithTheEndpoint(string horizon)
    {
        var pattern = (await SchemaAsync("/api/signals/track-record", "horizon")).GetProperty("pattern").GetString()!;
        var documented = Regex.IsMatch(horizon, pattern, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/signals/track-record?horizon=" + Uri.EscapeDataString(horizon), UriKind.Relative), Ct);
        Assert.Equal(documented ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("24h\n")]
    [InlineData("24h\r\n")]
    public async Task Horizon_WithATrailingLineBreak_IsRejected_AsTheDocumentedPatternDoes(string horizon)
    {
        // ECMA 262's $ (the document's dialect) does not match before a final line feed; .NET's does, so the endpoint
        // must not use $ as it stands (the agreement test above cannot see this: it runs the pattern with .NET).
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/signals/track-record?horizon=" + Uri.EscapeDataString(horizon), UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_AlertRuleBody_KindListsEverySignalKind()
    {
        var kind = await BodyPropertyAsync("/api/alert-rules", "kind");
        var values = kind.GetProperty("enum").EnumerateArray().ToArray();
        Assert.Equal(ApiSupport.SignalKinds, values.Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!));
        Assert.Contains("volume-spike", values.Select(v => v.GetString()));
        Assert.Single(values, v => v.ValueKind == JsonValueKind.Null); // "kind": null means any kind, as leaving it out does
    }

    [Fact]
    public async Task OpenApi_AlertRuleBody_DirectionListsTheDirections()
    {
        var direction = await BodyPropertyAsync("/api/alert-rules", "direction");
        Assert.Equal(["up", "down", "neutral", null], direction.GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task OpenApi_AlertRuleBody_MinConfidenceIsZeroToOneWithItsDefault()
    {
        var minConfidence = await BodyPropertyAsync("/api/alert-rules", "minConfidence");
        Assert.Contains("number", minConfidence.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0, minConfidence.GetProperty("minimum").GetDouble());
        Assert.Equal(1, minConfidence.GetProperty("maximum").GetDouble());
        Assert.Equal(0.5, minConfidence.GetProperty("default").GetDouble());
    }

    [Theory]
    [InlineData("/api/alert-rules", "name")]
    [InlineData("/api/watchlists", "name,assets")]
    public async Task OpenApi_Bodies_RequireOnlyWhatTheHandlerRequires(string path, string required)
    {
        using var json = await GetDocumentAsync();
        var schema = BodySchema(json, json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post"));
        Assert.Equal(required.Split(','), schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task OpenApi_WatchlistBody_AssetsHoldOneToAHundredIds()
    {
        var assets = await BodyPropertyAsync("/api/watchlists", "assets");
        Assert.Equal(1, assets.GetProperty("minItems").GetInt32());
        Assert.Equal(100, assets.GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public async Task OpenApi_EveryBodyProperty_IsConstrainedOrKnownToBeFree()
    {
        using var json = await GetDocumentAsync();
        var checkedCount = 0;
        foreach (var (operationName, operation) in ApiOperations(json, "requestBody"))
        {
            foreach (var property in BodySchema(json, operation).GetProperty("properties").EnumerateObject())
            {
                var where = $"{operationName} body '{property.Name}'";
                var constrained = new[] { "enum", "minimum", "maximum", "minItems", "maxItems", "pattern" }.Any(k => property.Value.TryGetProperty(k, out _));
                if (ConstrainedBodyNames.Contains(property.Name))
                {
                    Assert.True(constrained, $"{where} is accepted only from a set or within bounds, but its schema does not say so: give it a P attribute (IParameterSchema).");
                }
                else
                {
                    Assert.True(FreeBodyNames.Contains(property.Name), $"{where} is a new body property: if the handler accepts it only from a set or within bounds, give it a P attribute and add it to ConstrainedBodyNames; else add it to FreeBodyNames.");
                }

                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 8, $"{checkedCount} body properties");
    }

    [Fact]
    public async Task OpenApi_EveryParameter_IsTypedOrKnownToBeAString()
    {
        using var json = await GetDocumentAsync();
        var checkedCount = 0;
        foreach (var (operationName, operation) in ApiOperations(json, "parameters"))
        {
            foreach (var parameter in operation.GetProperty("parameters").EnumerateArray())
            {
                var name = parameter.GetProperty("name").GetString()!;
                var where = $"{operationName} '{name}'";
                var schema = parameter.GetProperty("schema");
                var type = schema.GetProperty("type");
                var plainString = (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.GetString() == "string") : type.GetString() == "string")
                    && !schema.TryGetProperty("format", out _)
                    && !schema.TryGetProperty("enum", out _)
                    && !schema.TryGetProperty("pattern", out _);
                if (TypedNames.Contains(name))
                {
                    Assert.False(plainString, $"{where} is parsed as a number, instant, choice or pattern but documented as a plain string: give it a P attribute (IParameterSchema).");
                }
                else
                {
                    Assert.True(StringNames.Contains(name), $"{where} is a new parameter name: if it is parsed as anything but text, give it a P attribute and add it to TypedNames; else add it to StringNames.");
                }

                checkedCount++;
            }
        }

        Assert.True(checkedCount >= 80, $"{checkedCount} parameters");
    }


    private static void AssertInteger(JsonElement schema, int minimum, int maximum, int defaultValue)
    {
        Assert.Equal("integer", schema.GetProperty("type").GetString());
        Assert.Equal(minimum, schema.GetProperty("minimum").GetInt32());
        Assert.Equal(maximum, schema.GetProperty("maximum").GetInt32());
        Assert.Equal(defaultValue, schema.GetProperty("default").GetInt32());
    }

    private async Task<JsonElement> SchemaAsync(string path, string name)
    {
        using var json = await GetDocumentAsync();
        return Parameter(json, path, name).GetProperty("schema").Clone();
    }

    /// <summary>Every operation under <c>/api/</c> that has <paramref name="member"/> (<c>parameters</c>, <c>requestBody</c>), named "VERB /path".</summary>
    private static IEnumerable<(string Name, JsonElement Operation)> ApiOperations(JsonDocument json, string member) =>
        from path in json.RootElement.GetProperty("paths").EnumerateObject()
        where path.Name.StartsWith("/api/", StringComparison.Ordinal)
        from operation in path.Value.EnumerateObject()
        where operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty(member, out _)
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    private async Task<JsonElement> BodyPropertyAsync(string path, string name)
    {
        using var json = await GetDocumentAsync();
        var operation = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post");
        return BodySchema(json, operation).GetProperty("properties").GetProperty(name).Clone();
    }

    /// <summary>The JSON body's schema of <paramref name="operation"/>, its <c>$ref</c> followed.</summary>
    private static JsonElement BodySchema(JsonDocument json, JsonElement operation)
    {
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        const string prefix = "#/components/schemas/";
        return schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith(prefix, StringComparison.Ordinal)
            ? json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(target[prefix.Length..])
            : schema;
    }

    private static JsonElement Parameter(JsonDocument json, string path, string name)
    {
        var parameters = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters");
        return Assert.Single(parameters.EnumerateArray(), p => p.GetProperty("name").GetString() == name).Clone();
    }

    private async Task<JsonDocument> GetDocumentAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }
}

/// <summary>A host whose lists answer at most 120 items (<c>Web:MaxPageSize</c>).</summary>
public sealed class SmallPagesFactory : WebAppFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Web:MaxPageSize", "120")];
}

public sealed class OpenApiPageSizeTests(SmallPagesFactory app) : IClassFixture<SmallPagesFactory>
{
    [Fact]
    public async Task OpenApi_Limit_HasTheConfiguredPageSizeAsMaximum_AsTheEndpointsEnforce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct));
        var limit = json.RootElement.GetProperty("paths").GetProperty("/api/news").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "limit").GetProperty("schema");
        Assert.Equal(120, limit.GetProperty("maximum").GetInt32());

        using var atMaximum = await client.GetAsync(new Uri("/api/news?limit=120", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, atMaximum.StatusCode);
        using var aboveMaximum = await client.GetAsync(new Uri("/api/news?limit=121", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.BadRequest, aboveMaximum.StatusCode);
    }
}
