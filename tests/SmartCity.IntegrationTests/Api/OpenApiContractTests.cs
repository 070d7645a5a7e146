using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;

namespace SmartCity.IntegrationTests.Api;

/// <summary>
/// The API keeps its published contract: every GET operation the document lists under /api/v1 (discovered from the document,
/// so endpoints added later are covered) is called with demo data and its response checked against the schema of its status
/// code; so are 404s, 400s and the report POST's answers. Every documented status has a schema.
/// </summary>
[Collection(ApiFixtureGroup.Name)]
public sealed partial class OpenApiContractTests(ApiApp app)
{
    private static readonly int[] ProblemStatuses = [400, 401, 403, 404, 409, 429];
    private static readonly string[] ProblemMembers = ["type", "title", "status", "traceId"];
    private static readonly string[] MediaTypes = ["application/json", "application/problem+json"];

    [Fact]
    public async Task The_document_describes_the_key_on_the_report_post_and_a_schema_for_every_status()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());

        var post = document.GetProperty("paths").GetProperty("/api/v1/regencies/{code}/quick-wins/{id}/reports").GetProperty("post");
        Assert.Contains(post.GetProperty("security").EnumerateArray(), requirement => requirement.TryGetProperty("ApiKey", out _));
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var responses = post.GetProperty("responses");
        Assert.NotNull(SchemaOf(responses, "201"));
        foreach (var status in ProblemStatuses)
        {
            Assert.True(SchemaOf(responses, status.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not null, $"POST has no schema for {status}");
        }

        // Every operation under /api/v1: each documented status has a JSON schema, and the rate limit (429) is documented.
        foreach (var (path, method, operation) in Operations(document))
        {
            var documented = operation.GetProperty("responses");
            Assert.True(documented.TryGetProperty("429", out _), $"{method} {path} does not document 429");
            foreach (var response in documented.EnumerateObject().Where(r => r.Name != "204"))
            {
                Assert.True(SchemaOf(documented, response.Name) is not null, $"{method} {path} documents {response.Name} without a schema");
            }

            Assert.False(operation.TryGetProperty("security", out _) && method == "get", $"GET {path} requires a key; published data is anonymous");
        }
    }

    [Fact]
    public async Task Every_GET_operation_answers_as_documented_for_demo_data_and_for_unknown_ids()
    {
        var document = await DocumentAsync();
        var checker = new JsonSchemaChecker(document);
        var values = await DemoValuesAsync();
        var client = app.Client();
        var failures = new List<string>();
        var called = 0;

        foreach (var (path, _, operation) in Operations(document).Where(o => o.Method == "get"))
        {
            called++;
            using (var ok = await client.GetAsync(new Uri(Fill(path, values), UriKind.Relative)))
            {
                failures.AddRange(await CheckAsync(checker, operation, ok, $"GET {Fill(path, values)}", expectSuccess: true));
            }

            if (ParameterNames(path).Any())
            {
                var unknown = Fill(path, new Dictionary<string, string> { ["code"] = "99.99", ["id"] = "999999" }, strict: false);
                using var notFound = await client.GetAsync(new Uri(unknown, UriKind.Relative));
                if (notFound.StatusCode != HttpStatusCode.NotFound)
                {
                    failures.Add($"GET {unknown}: expected 404, got {(int)notFound.StatusCode}");
                }

                failures.AddRange(await CheckAsync(checker, operation, notFound, $"GET {unknown}", expectSuccess: false));
            }

            foreach (var parameter in IntegerQueryParameters(operation))
            {
                var bad = $"{Fill(path, values)}?{parameter}=abc";
                using var badRequest = await client.GetAsync(new Uri(bad, UriKind.Relative));
                if (badRequest.StatusCode != HttpStatusCode.BadRequest)
                {
                    failures.Add($"GET {bad}: expected 400, got {(int)badRequest.StatusCode}");
                }

                failures.AddRange(await CheckAsync(checker, operation, badRequest, $"GET {bad}", expectSuccess: false));
            }
        }

        Assert.True(called > 0, "the document lists no GET operation under /api/v1");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task An_unknown_API_path_is_a_404_problem()
    {
        using var response = await app.Client().GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_report_post_answers_as_documented_for_201_400_401_403_404_and_409()
    {
        var document = await DocumentAsync();
        var checker = new JsonSchemaChecker(document);
        var operation = document.GetProperty("paths").GetProperty("/api/v1/regencies/{code}/quick-wins/{id}/reports").GetProperty("post");
        var key = await app.IssueKeyAsync("33.20");
        var quickWinId = await app.QuickWinOfAsync("33.20", skip: 4);
        var jombang = await app.QuickWinOfAsync("35.17");
        var period = await app.FreePeriodAsync(quickWinId);
        var client = app.Client();
        var cases = new (string Name, HttpStatusCode Status, HttpRequestMessage Request)[]
        {
            ("created", HttpStatusCode.Created, ApiApp.Post(ApiApp.ReportsPath("33.20", quickWinId), key.PlainKey, ApiApp.ReportJson(period))),
            ("duplicate", HttpStatusCode.Conflict, ApiApp.Post(ApiApp.ReportsPath("33.20", quickWinId), key.PlainKey, ApiApp.ReportJson(period))),
            ("malformed", HttpStatusCode.BadRequest, ApiApp.Post(ApiApp.ReportsPath("33.20", quickWinId), key.PlainKey, "{\"period\":")),
            ("invalid", HttpStatusCode.BadRequest, ApiApp.Post(ApiApp.ReportsPath("33.20", quickWinId), key.PlainKey, ApiApp.ReportJson(period, 101))),
            ("no key", HttpStatusCode.Unauthorized, ApiApp.Post(ApiApp.ReportsPath("33.20", quickWinId), null, ApiApp.ReportJson(period))),
            ("other regency", HttpStatusCode.Forbidden, ApiApp.Post(ApiApp.ReportsPath("35.17", jombang), key.PlainKey, ApiApp.ReportJson(period))),
            ("unknown quick win", HttpStatusCode.NotFound, ApiApp.Post(ApiApp.ReportsPath("33.20", 999_999), key.PlainKey, ApiApp.ReportJson(period))),
        };
        var failures = new List<string>();

        foreach (var (name, status, request) in cases)
        {
            using (request)
            {
                using var response = await client.SendAsync(request);
                if (response.StatusCode != status)
                {
                    failures.Add($"{name}: expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                failures.AddRange(await CheckAsync(checker, operation, response, name, expectSuccess: status == HttpStatusCode.Created));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_checker_refuses_what_the_schemas_forbid()
    {
        var document = await DocumentAsync();
        var checker = new JsonSchemaChecker(document);
        var post = document.GetProperty("paths").GetProperty("/api/v1/regencies/{code}/quick-wins/{id}/reports").GetProperty("post").GetProperty("responses");
        var receipt = SchemaOf(post, "201")!.Value;
        var validation = SchemaOf(post, "400")!.Value;

        Assert.Empty(checker.Check(Json("""{"id":1,"quickWinId":2,"period":"2026-01","percent":40.5,"state":"submitted","source":"api","submittedAt":"2026-02-01T00:00:00+00:00"}"""), receipt));
        Assert.NotEmpty(checker.Check(Json("""{"id":"one","quickWinId":2,"period":"2026-01","percent":40.5,"state":"submitted","source":"api","submittedAt":null}"""), receipt));
        Assert.NotEmpty(checker.Check(Json("""{"quickWinId":2,"period":"2026-01","percent":40.5,"state":"submitted","source":"api","submittedAt":null}"""), receipt));
        Assert.NotEmpty(checker.Check(Json("[1, 2]"), receipt));
        Assert.Empty(checker.Check(Json("""{"title":"x","status":400,"errors":{"percent":["too big"]}}"""), validation));
        Assert.NotEmpty(checker.Check(Json("""{"title":"x","status":400,"errors":{"percent":"too big"}}"""), validation));
        Assert.NotEmpty(checker.Check(Json("""{"title":7,"status":400,"errors":{}}"""), validation));
    }

    [Fact]
    public async Task Numbers_are_documented_as_numbers_only_because_the_report_body_is_read_strictly()
    {
        var document = await DocumentAsync();
        var loose = new List<string>();
        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}/{i++}");
                }
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (element.TryGetProperty("type", out var type) && type.ValueKind is JsonValueKind.String or JsonValueKind.Array)
            {
                var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
                if (types.Contains("string") && (types.Contains("number") || types.Contains("integer")))
                {
                    loose.Add(path);
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, $"{path}/{property.Name}");
            }
        }

        Walk(document, "#");

        Assert.Empty(loose);
        var percent = document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("kpiActuals", out _))
            .Select(s => s.Value.GetProperty("properties").GetProperty("percent")).First();
        Assert.Equal("number", percent.GetProperty("type").ValueKind == JsonValueKind.Array
            ? Assert.Single(percent.GetProperty("type").EnumerateArray(), t => t.GetString() != "null").GetString()
            : percent.GetProperty("type").GetString());
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await app.Client().GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            Assert.StartsWith("/api/v1", path.Name, StringComparison.Ordinal);
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                yield return (path.Name, method.Name, method.Value);
            }
        }
    }

    /// <summary>The JSON schema of a documented response (problem+json or json), or null when it has none.</summary>
    private static JsonElement? SchemaOf(JsonElement responses, string status)
    {
        if (!responses.TryGetProperty(status, out var response) || !response.TryGetProperty("content", out var content))
        {
            return null;
        }

        foreach (var mediaType in MediaTypes)
        {
            if (content.TryGetProperty(mediaType, out var media) && media.TryGetProperty("schema", out var schema))
            {
                return schema;
            }
        }

        return null;
    }

    /// <summary>Checks the status is documented (2xx when <paramref name="expectSuccess"/>) and the body fits its schema.</summary>
    private static async Task<IEnumerable<string>> CheckAsync(JsonSchemaChecker checker, JsonElement operation, HttpResponseMessage response, string what, bool expectSuccess)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var body = await response.Content.ReadAsStringAsync();
        if (expectSuccess != response.IsSuccessStatusCode)
        {
            return [$"{what}: unexpected {status}: {body}"];
        }

        if ((int)response.StatusCode >= 500)
        {
            return [$"{what}: {status}"];
        }

        if (SchemaOf(operation.GetProperty("responses"), status) is not { } schema)
        {
            return [$"{what}: status {status} is not documented with a schema"];
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var expected = expectSuccess ? "application/json" : "application/problem+json";
        if (mediaType != expected)
        {
            return [$"{what}: content type {mediaType}, expected {expected}"];
        }

        JsonElement value;
        try
        {
            value = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException e)
        {
            return [$"{what}: body is not JSON ({e.Message})"];
        }

        var errors = checker.Check(value, schema).Select(e => $"{what} ({status}): {e}").ToList();
        if (!expectSuccess)
        {
            errors.AddRange(ProblemMembers.Where(p => !value.TryGetProperty(p, out _)).Select(p => $"{what}: problem without {p}"));
        }

        return errors;
    }

    /// <summary>Path parameters filled from demo data: Jepara's code, a Jepara quick win, a finalised round.</summary>
    private async Task<Dictionary<string, string>> DemoValuesAsync()
    {
        await using var db = app.CreateDbContext();
        var quickWin = await app.QuickWinOfAsync("33.20");
        var round = await db.AssessmentRounds.Where(r => r.State == RoundState.Finalised).OrderByDescending(r => r.Year).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        var values = new Dictionary<string, string>
        {
            ["code"] = "33.20",
            ["quick-wins/{id}"] = quickWin.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (round is { } id)
        {
            values["rounds/{id}"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>Replaces <c>{name}</c> by its value; an <c>{id}</c> by the value for the segment before it (e.g. <c>rounds/{id}</c>).</summary>
    private static string Fill(string path, Dictionary<string, string> values, bool strict = true) =>
        Parameter().Replace(path, match =>
        {
            var name = match.Groups[1].Value;
            var segmentKey = path[..match.Index].TrimEnd('/').Split('/')[^1] + "/" + match.Value;
            if (values.TryGetValue(segmentKey, out var bySegment))
            {
                return bySegment;
            }

            if (values.TryGetValue(name, out var value))
            {
                return value;
            }

            return strict ? throw new InvalidOperationException($"No demo value for {match.Value} in {path}: add one to DemoValuesAsync") : "999999";
        });

    private static IEnumerable<string> ParameterNames(string path) => Parameter().Matches(path).Select(m => m.Groups[1].Value);

    private static IEnumerable<string> IntegerQueryParameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("schema", out var s) && IsInteger(s))
                .Select(p => p.GetProperty("name").GetString()!)
            : [];

    private static bool IsInteger(JsonElement schema) =>
        schema.TryGetProperty("type", out var type)
        && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.GetString() == "integer") : type.GetString() == "integer");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [GeneratedRegex(@"\{([A-Za-z]+)(?::[^}]*)?\}")]
    private static partial Regex Parameter();
}
