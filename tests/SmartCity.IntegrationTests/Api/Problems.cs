using System.Net;
using System.Text.Json;

namespace SmartCity.IntegrationTests.Api;

/// <summary>Assertions on RFC 7807 problem details as the API writes them.</summary>
public static class Problems
{
    /// <summary>The response is <paramref name="status"/> with a problem body: type, title, status (matching) and traceId.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(JsonValueKind.Object, problem.ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()), "type is missing");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()), "title is missing");
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()), "traceId is missing");
        return problem;
    }

    /// <summary>A 400 validation problem with messages for exactly the fields named (and perhaps others).</summary>
    public static async Task<JsonElement> AssertValidationProblemAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in fields)
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}: {errors}");
            Assert.True(messages.GetArrayLength() > 0 && messages.EnumerateArray().All(m => !string.IsNullOrWhiteSpace(m.GetString())), $"empty messages for {field}");
        }

        return problem;
    }
}
