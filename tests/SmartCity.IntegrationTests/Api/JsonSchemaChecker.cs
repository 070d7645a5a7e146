using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmartCity.IntegrationTests.Api;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI document, for the subset the document uses: <c>$ref</c> to
/// <c>#/components/schemas</c>, <c>type</c> (a name or, in OpenAPI 3.1, a list such as <c>["integer", "null"]</c>),
/// <c>nullable</c>, <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>pattern</c>,
/// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>. Anything else in a schema (format, description, …) is not checked.
/// </summary>
public sealed class JsonSchemaChecker(JsonElement document)
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>Every mismatch, each with its JSON path; empty when the value conforms.</summary>
    public IReadOnlyList<string> Check(JsonElement value, JsonElement schema)
    {
        var errors = new List<string>();
        Validate(value, schema, "$", errors, 0);
        return errors;
    }

    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            if (!name.StartsWith(ComponentPrefix, StringComparison.Ordinal))
            {
                throw new NotSupportedException($"$ref {name} is outside #/components/schemas");
            }

            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name[ComponentPrefix.Length..]);
        }

        return schema;
    }

    private void Validate(JsonElement value, JsonElement schema, string path, List<string> errors, int depth)
    {
        if (depth > 64)
        {
            errors.Add($"{path}: schema nesting too deep");
            return;
        }

        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{path}: no value is allowed here");
            return;
        }

        schema = Resolve(schema);
        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(value, part, path, errors, depth + 1);
            }
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(part => Passes(value, part, path, depth)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(part => Passes(value, part, path, depth));
            if (matches != 1)
            {
                errors.Add($"{path}: matches {matches} of oneOf (exactly one expected)");
            }
        }

        if (value.ValueKind == JsonValueKind.Null && schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean())
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => IsOfType(value, t)))
            {
                errors.Add($"{path}: {Describe(value)} is not {string.Join(" or ", types)}");
                return;
            }
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => JsonElement.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value} is not one of {allowed}");
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("pattern", out var pattern)
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{path}: '{value.GetString()}' does not match {pattern.GetString()}");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                {
                    if (!value.TryGetProperty(name, out _))
                    {
                        errors.Add($"{path}: required property '{name}' is missing");
                    }
                }
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    Validate(property.Value, propertySchema, $"{path}.{property.Name}", errors, depth + 1);
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    Validate(property.Value, additional, $"{path}.{property.Name}", errors, depth + 1);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(item, items, $"{path}[{index++}]", errors, depth + 1);
            }
        }
    }

    private bool Passes(JsonElement value, JsonElement schema, string path, int depth)
    {
        var errors = new List<string>();
        Validate(value, schema, path, errors, depth + 1);
        return errors.Count == 0;
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
        _ => throw new NotSupportedException($"type {type}"),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"string '{value.GetString()}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
