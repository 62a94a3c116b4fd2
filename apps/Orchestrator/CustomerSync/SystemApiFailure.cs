using System.Net;
using System.Text.Json;
using DaprSync.Contracts;
using Refit;

namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>
/// A System API call failed in a way that may pass on a later attempt (5xx, 408, 429, a timeout or no
/// connection), so the event is redelivered instead of recorded as a failure.
/// </summary>
public sealed class TransientSyncException : Exception
{
    public TransientSyncException()
    {
    }

    public TransientSyncException(string message)
        : base(message)
    {
    }

    public TransientSyncException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A record the System API rejected, with the error code and field from its ProblemDetails body.</summary>
public sealed record SystemApiRejection(HttpStatusCode StatusCode, string ErrorCode, string Detail, string? Field);

/// <summary>Sorts the exceptions of the Refit System API clients into rejections and transient failures.</summary>
internal static class SystemApiFailure
{
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>
    /// Reads a 4xx ProblemDetails body: <c>errorCode</c> and <c>field</c> extensions, then <c>detail</c>
    /// or <c>title</c>. A body that is not ProblemDetails still yields the status code as the error code.
    /// </summary>
    public static SystemApiRejection ReadRejection(ApiException exception)
    {
        var errorCode = $"HTTP_{(int)exception.StatusCode}";
        var detail = exception.ReasonPhrase ?? exception.StatusCode.ToString();
        string? field = null;
        if (string.IsNullOrWhiteSpace(exception.Content))
        {
            return new SystemApiRejection(exception.StatusCode, errorCode, detail, field);
        }

        try
        {
            using var body = JsonDocument.Parse(exception.Content);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                errorCode = ReadString(body.RootElement, SyncProblemDetails.ErrorCode) ?? errorCode;
                field = ReadString(body.RootElement, SyncProblemDetails.Field);
                detail = ReadString(body.RootElement, "detail") ?? ReadString(body.RootElement, "title") ?? detail;
            }
        }
        catch (JsonException)
        {
            // A non-JSON error body carries no code or field, so the status code and reason are used.
        }

        return new SystemApiRejection(exception.StatusCode, errorCode, detail, field);
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
