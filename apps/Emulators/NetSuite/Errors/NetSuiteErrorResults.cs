using System.Text.Json;
using System.Text.Json.Serialization;

namespace DaprSync.NetSuiteEmulator.Errors;

/// <summary>One entry of the <c>o:errorDetails</c> array of a NetSuite REST error body.</summary>
public sealed record NetSuiteErrorDetail(
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("o:errorCode")] string ErrorCode,
    [property: JsonPropertyName("o:errorPath")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrorPath = null);

/// <summary>A NetSuite REST error body: an RFC 7807 style document with NetSuite's <c>o:errorDetails</c>.</summary>
public sealed record NetSuiteErrorBody(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("o:errorDetails")] IReadOnlyList<NetSuiteErrorDetail> ErrorDetails);

/// <summary>Builds the error responses of the REST record API in NetSuite's wire format.</summary>
public static class NetSuiteErrorResults
{
    /// <summary>Content type NetSuite sends with REST error bodies.</summary>
    public const string ContentType = "application/vnd.oracle.resource+json; type=error; charset=UTF-8";

    private const string Rfc2616 = "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html";

    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Creates the 401 that NetSuite sends for every failed Token-Based Authentication check. NetSuite does not say
    /// which check failed, so neither does the emulator. Its log names the reason.
    /// </summary>
    public static IResult InvalidLogin() => Create(
        StatusCodes.Status401Unauthorized,
        Rfc2616,
        "Unauthorized",
        new NetSuiteErrorDetail(
            "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > "
            + "Users/Roles > User Management > View Login Audit Trail.",
            "INVALID_LOGIN"));

    /// <summary>Creates a 400 with one error detail.</summary>
    public static IResult BadRequest(NetSuiteErrorDetail detail) =>
        Create(StatusCodes.Status400BadRequest, Rfc2616 + "#sec10.4.1", "Bad Request", detail);

    /// <summary>Creates the 404 for a record id or external id that matches no record.</summary>
    public static IResult RecordNotFound() => Create(
        StatusCodes.Status404NotFound,
        Rfc2616 + "#sec10.4.5",
        "Not Found",
        new NetSuiteErrorDetail(
            "The record instance does not exist. Provide a valid record instance ID.",
            "NONEXISTENT_ID",
            "id"));

    private static IResult Create(int status, string type, string title, NetSuiteErrorDetail detail)
    {
        var body = new NetSuiteErrorBody(type, title, status, [detail]);
        return Results.Text(JsonSerializer.Serialize(body, SerializerOptions), ContentType, statusCode: status);
    }
}
