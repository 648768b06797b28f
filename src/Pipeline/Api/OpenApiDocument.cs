using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;

namespace ParServerless.Pipeline.Api;

/// <summary>
/// The OpenAPI 3.1 document of the API (<c>/api/openapi/v1.json</c>), generated from <see cref="ApiOperations"/>: paths from
/// the same route constants the functions bind, schemas from the wire contracts by System.Text.Json's own exporter, so the
/// document describes exactly what is serialised.
/// </summary>
public static partial class OpenApiDocument
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly Lazy<byte[]> Cached = new(() => JsonSerializer.SerializeToUtf8Bytes(Build(), Indented));

    /// <summary>The document as UTF-8 JSON, built once.</summary>
    public static ReadOnlyMemory<byte> Bytes => Cached.Value;

    public static JsonObject Build()
    {
        var schemas = new JsonObject { ["Problem"] = ProblemSchema() };
        var paths = new JsonObject();
        foreach (var route in ApiOperations.All.GroupBy(o => o.Route))
        {
            var item = new JsonObject();
            foreach (var op in route)
            {
                var operation = Operation(op, schemas);
                item[op.Method.ToLowerInvariant()] = operation;
                if (op.Method == "GET")
                {
                    var head = (JsonObject)operation.DeepClone();
                    head["operationId"] = op.Function + "Head";
                    head["summary"] = "Headers only: " + op.Summary;
                    item["head"] = head;
                }
            }
            paths["/" + ApiRoutes.Prefix + "/" + PathOf(route.Key)] = item;
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "ParServerless API",
                ["version"] = "v1",
                ["description"] = "Chỉ số cải cách hành chính (PAR INDEX): nộp tệp, quản trị kỳ đánh giá, kết quả công bố. " +
                    "Agencies upload with their unit key, Sở Nội vụ administers with the admin key (Authorization: Bearer <key> or X-Par-Key), " +
                    "public routes are anonymous and show only published years. Errors are RFC 9457 problems with a stable code and Vietnamese/English texts.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["adminKey"] = new JsonObject
                    {
                        ["type"] = "http", ["scheme"] = "bearer",
                        ["description"] = "Sở Nội vụ: the PAR_ADMIN_KEY setting, for /api/admin/* (and any agency route). Also accepted as the X-Par-Key header.",
                    },
                    ["unitKey"] = new JsonObject
                    {
                        ["type"] = "http", ["scheme"] = "bearer",
                        ["description"] = "Agency: base64url(HMAC-SHA256(PAR_AGENCY_KEY_SECRET, \"par-unit-key/1|\" + unitCode)), for /api/agency/{year}/{unit}/* of that unit only.",
                    },
                },
            },
        };
    }

    /// <summary>The OpenAPI path of a route below <c>/api/</c>: the prefix and constraints dropped (<c>{year:int}</c> → <c>{year}</c>).</summary>
    public static string PathOf(string route) =>
        Parameter().Replace(route.StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal) ? route[(ApiRoutes.Prefix.Length + 1)..] : route,
            m => "{" + m.Groups["name"].Value + "}");

    private static JsonObject Operation(ApiOperation op, JsonObject schemas)
    {
        var parameters = new JsonArray();
        foreach (Match m in Parameter().Matches(op.Route))
        {
            var isInt = m.Groups["constraint"].Value == "int";
            var name = m.Groups["name"].Value;
            var schema = new JsonObject { ["type"] = isInt ? "integer" : "string" };
            if (op.PathValues?.TryGetValue(name, out var values) == true) schema["enum"] = new JsonArray(values.Select(v => (JsonNode)v).ToArray());
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = schema });
        }
        foreach (var q in op.Query ?? [])
            parameters.Add(new JsonObject { ["name"] = q.Name, ["in"] = "query", ["required"] = false, ["description"] = q.Description, ["schema"] = SchemaOf(q.Type, schemas) });

        var success = new JsonObject { ["description"] = op.Status == 202 ? "Accepted" : "OK" };
        success["content"] = new JsonObject
        {
            [op.ResponseType] = new JsonObject
            {
                ["schema"] = op.Response is { } type ? SchemaOf(type, schemas)
                    : op.ResponseType == "application/json" ? new JsonObject { ["type"] = "object" }
                    : new JsonObject { ["type"] = "string", ["contentMediaType"] = op.ResponseType },
            },
        };
        var problem = new JsonObject
        {
            ["description"] = "A coded refusal (RFC 9457 problem with Vietnamese and English texts)",
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
        };
        var operation = new JsonObject
        {
            ["operationId"] = op.Function + (op.Method == "GET" ? "" : Capitalised(op.Method)),
            ["tags"] = new JsonArray(op.Tag),
            ["summary"] = op.Summary,
            ["responses"] = new JsonObject { [op.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success, ["default"] = problem },
        };
        if (parameters.Count > 0) operation["parameters"] = parameters;
        if (op.Body is { } body)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject
                {
                    [op.BodyType!] = new JsonObject
                    {
                        ["schema"] = body == typeof(Stream) ? new JsonObject { ["type"] = "string", ["contentMediaType"] = "application/octet-stream" }
                            : body == typeof(object) ? new JsonObject { ["type"] = "object" }
                            : SchemaOf(body, schemas),
                    },
                },
            };
        }
        if (op.Access != ApiAccess.Public)
            operation["security"] = op.Access == ApiAccess.Admin
                ? new JsonArray(new JsonObject { ["adminKey"] = new JsonArray() })
                : new JsonArray(new JsonObject { ["unitKey"] = new JsonArray() }, new JsonObject { ["adminKey"] = new JsonArray() });
        return operation;
    }

    /// <summary>Contracts go to <c>components/schemas</c> under their type name; lists refer to their element's.</summary>
    private static JsonNode SchemaOf(Type type, JsonObject schemas)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return new JsonObject { ["type"] = "array", ["items"] = SchemaOf(type.GetGenericArguments()[0], schemas) };
        if (type == typeof(string) || type == typeof(int) || type.IsPrimitive)
            return JsonSchemaExporter.GetJsonSchemaAsNode(ApiJson.Options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        if (!schemas.ContainsKey(type.Name))
            schemas[type.Name] = JsonSchemaExporter.GetJsonSchemaAsNode(ApiJson.Options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        return new JsonObject { ["$ref"] = "#/components/schemas/" + type.Name };
    }

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("type", "title", "status", "code", "vi", "en"),
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["description"] = "/api/problems/{code}" },
            ["title"] = new JsonObject { ["type"] = "string", ["description"] = "The English text" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string", ["description"] = "The Vietnamese text" },
            ["code"] = new JsonObject { ["type"] = "string", ["description"] = "Stable code: PAR-A… (API), PAR-I… (ingestion), PAR-E… (score files), PAR-S… (schemes)" },
            ["vi"] = new JsonObject { ["type"] = "string" },
            ["en"] = new JsonObject { ["type"] = "string" },
            ["problems"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
        },
    };

    private static string Capitalised(string method) => method[..1] + method[1..].ToLowerInvariant();

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:(?<constraint>[a-z]+))?\}")]
    private static partial Regex Parameter();
}
