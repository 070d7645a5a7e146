using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace SmartCity.Bench;

/// <summary>
/// The comparison handler of ARCHITECTURE.md's API budget: the SAME SQL commands the API sent (captured, text and parameters), on a
/// plain <see cref="NpgsqlConnection"/> with the app's connection string (Npgsql's pool for that string), written with a
/// <see cref="Utf8JsonWriter"/> in the API's envelope and property order (taken from a response of the API), no framework in between.
/// </summary>
internal sealed class RawHandler(string connectionString)
{
    public const string Path = "/bench/raw";

    private CapturedCommand? _total;
    private CapturedCommand? _items;
    private string[] _envelope = [];
    private string[] _itemProperties = [];
    private bool[] _camelCase = [];
    private int _page;
    private int _pageSize;

    /// <summary>Learns the plan from one API request: which captured command counts, which one lists, and the JSON shape.</summary>
    public async Task PrepareAsync(IReadOnlyList<CapturedCommand> commands, JsonDocument sample, int page, int pageSize)
    {
        _envelope = sample.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        _itemProperties = sample.RootElement.GetProperty("items").EnumerateArray().First().EnumerateObject().Select(p => p.Name).ToArray();
        _page = page;
        _pageSize = pageSize;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var command in commands)
        {
            await using var sql = Create(command, connection);
            await using var reader = await sql.ExecuteReaderAsync();
            if (reader.FieldCount == 1 && await reader.ReadAsync() && reader.GetFieldType(0) is var type && (type == typeof(int) || type == typeof(long)))
            {
                _total ??= command;
            }
            else if (reader.FieldCount > 1)
            {
                _items = command;

                // The API writes enum values camelCased ("kabupaten"); the raw handler does the same for those columns.
                var first = sample.RootElement.GetProperty("items").EnumerateArray().First();
                if (!await reader.ReadAsync())
                {
                    throw new InvalidOperationException("The captured list command returned no row.");
                }

                _camelCase = [.. _itemProperties.Select((name, i) => i < reader.FieldCount && !reader.IsDBNull(i) && reader.GetValue(i) is string text
                    && first.GetProperty(name).ValueKind == JsonValueKind.String && first.GetProperty(name).GetString() is { } written
                    && written != text && written == JsonNamingPolicy.CamelCase.ConvertName(text))];
            }
        }

        if (_items is null)
        {
            throw new InvalidOperationException("No list command was captured from the API request.");
        }
    }

    public string Describe() =>
        $"{(_total is null ? 0 : 1) + 1} commands replayed; item properties: {string.Join(", ", _itemProperties)}";

    private async Task HandleAsync(HttpContext context)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(context.RequestAborted);
        long total = 0;
        if (_total is not null)
        {
            await using var count = Create(_total, connection);
            total = Convert.ToInt64(await count.ExecuteScalarAsync(context.RequestAborted), CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        foreach (var name in _envelope)
        {
            switch (name)
            {
                case "items":
                    json.WriteStartArray(name);
                    await using (var list = Create(_items!, connection))
                    await using (var reader = await list.ExecuteReaderAsync(context.RequestAborted))
                    {
                        while (await reader.ReadAsync(context.RequestAborted))
                        {
                            json.WriteStartObject();
                            for (var i = 0; i < _itemProperties.Length && i < reader.FieldCount; i++)
                            {
                                WriteValue(json, _itemProperties[i], reader, i, _camelCase.Length > i && _camelCase[i]);
                            }

                            json.WriteEndObject();
                        }
                    }

                    json.WriteEndArray();
                    break;
                case "page":
                    json.WriteNumber(name, _page);
                    break;
                case "pageSize":
                    json.WriteNumber(name, _pageSize);
                    break;
                case "total":
                    json.WriteNumber(name, total);
                    break;
                default:
                    json.WriteNull(name);
                    break;
            }
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static void WriteValue(Utf8JsonWriter json, string name, NpgsqlDataReader reader, int i, bool camelCase)
    {
        if (reader.IsDBNull(i))
        {
            json.WriteNull(name);
            return;
        }

        switch (reader.GetValue(i))
        {
            case string text:
                json.WriteString(name, camelCase ? JsonNamingPolicy.CamelCase.ConvertName(text) : text);
                break;
            case int number:
                json.WriteNumber(name, number);
                break;
            case long number:
                json.WriteNumber(name, number);
                break;
            case decimal number:
                json.WriteNumber(name, number);
                break;
            case bool flag:
                json.WriteBoolean(name, flag);
                break;
            case DateOnly date:
                json.WriteString(name, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime instant:
                json.WriteString(name, instant);
                break;
            case var other:
                json.WriteString(name, Convert.ToString(other, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static NpgsqlCommand Create(CapturedCommand command, NpgsqlConnection connection)
    {
        var sql = new NpgsqlCommand(command.Text, connection);
        foreach (var parameter in command.Parameters)
        {
            sql.Parameters.Add(parameter.Clone());
        }

        return sql;
    }

    /// <summary>
    /// Maps the handler after the app's own middleware (forwarded headers, security headers, authentication, localization...), so both
    /// requests pass the same pipeline and the comparison is of the handlers: endpoint, EF Core and serializer against raw Npgsql and
    /// Utf8JsonWriter. No app endpoint matches <see cref="Path"/>, so the request reaches it.
    /// </summary>
    internal sealed class Filter(RawHandler handler) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(Path, branch => branch.Run(handler.HandleAsync));
        };
    }
}
