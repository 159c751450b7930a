using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace CryptoIntel.Web.Tests;

/// <summary>
/// Every read endpoint's answer, on the seeded data, is valid against the schema the OpenAPI document gives for it
/// (JSON Schema 2020-12, as OpenAPI 3.1 uses it): what a generated or validating client relies on. Null properties are
/// left out of answers, so the document must not list them as required; numbers are numbers.
/// </summary>
public sealed class OpenApiResponseTests(ApiFixture app) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryReadEndpoint_AnswersWhatItsSchemaSays()
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct))!;
        var definitions = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var values = await PathValuesAsync(client);

        var checkedPaths = 0;
        foreach (var (template, item) in document["paths"]!.AsObject())
        {
            if (item!["get"] is not { } get)
            {
                continue;
            }

            var path = template;
            foreach (var parameter in get["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "path") ?? [])
            {
                var name = (string)parameter!["name"]!;
                Assert.True(values.TryGetValue((template, name), out var value), $"no test value for {{{name}}} of {template}: add one");
                path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }

            var reference = (string)get["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
            var schema = JsonSchema.FromText($$"""{"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"{{reference.Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)}}","$defs":{{definitions}}}""");

            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            var result = schema.Evaluate(body.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{path} against {reference}: " + string.Join("; ",
                (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))));
            checkedPaths++;
        }

        Assert.True(checkedPaths >= 30, $"only {checkedPaths} read endpoints checked");
    }

    [Fact]
    public async Task Numbers_AreJsonNumbers_InTheDocumentAndInRequests()
    {
        using var client = app.CreateClient(WebAppFactory.WriteKey);
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct))!;
        var loose = Descendants(document["components"]!).OfType<JsonObject>()
            .Where(o => o["type"] is JsonArray types && types.Any(t => (string?)t is "number" or "integer") && types.Any(t => (string?)t == "string"))
            .Select(o => o.GetPath())
            .ToList();
        Assert.True(loose.Count == 0, "number-or-string schemas: " + string.Join(", ", loose));

        using var quoted = await client.PostAsync(new Uri("/api/alert-rules", UriKind.Relative),
            new StringContent("""{"name":"quoted","kind":"price-move","minConfidence":"0.7"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, quoted.StatusCode);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    /// <summary>A value for every path parameter, taken from the seeded data (and a watchlist and an alert rule made here).</summary>
    private static async Task<Dictionary<(string Path, string Name), string>> PathValuesAsync(HttpClient client)
    {
        async Task<string> First(string list, string property)
        {
            using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri(list, UriKind.Relative), Ct));
            return body.RootElement.GetProperty("items")[0].GetProperty(property).GetString()!;
        }

        async Task<string> Create(string path, object request)
        {
            using var created = await client.PostAsJsonAsync(path, request, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            using var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
            return body.RootElement.GetProperty("id").GetString()!;
        }

        var coin = await First("/api/coins", "id");
        var protocol = await First("/api/defi/protocols", "slug");
        var entity = await First("/api/entities", "id");
        var signal = await First("/api/signals", "id");
        return new()
        {
            [("/api/coins/{id}", "id")] = coin,
            [("/api/coins/{id}/history", "id")] = coin,
            [("/api/coins/{id}/news", "id")] = coin,
            [("/api/coins/{id}/signals", "id")] = coin,
            [("/api/defi/protocols/{slug}", "slug")] = protocol,
            [("/api/defi/protocols/{slug}/tvl", "slug")] = protocol,
            [("/api/defi/chains/{name}/tvl", "name")] = await First("/api/defi/chains", "name"),
            [("/api/news/stories/{id}", "id")] = await First("/api/news/stories", "id"),
            [("/api/entities/{id}", "id")] = entity,
            [("/api/entities/{id}/co-mentions", "id")] = entity,
            [("/api/signals/kinds/{kind}", "kind")] = await First("/api/signals", "kind"),
            [("/api/signals/{id}", "id")] = signal,
            [("/api/watchlists/{id}", "id")] = await Create("/api/watchlists", new { name = "schema check", assets = new[] { coin } }),
            [("/api/alert-rules/{id}", "id")] = await Create("/api/alert-rules", new { name = "schema check", kind = "price-move" }),
        };
    }
}
