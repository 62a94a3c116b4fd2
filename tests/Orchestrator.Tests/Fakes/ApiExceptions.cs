using System.Net;
using System.Text;
using Refit;

namespace DaprSync.Orchestrator.Tests.Fakes;

/// <summary>Builds the exceptions that Refit raises for error responses, as the real clients would.</summary>
internal static class ApiExceptions
{
    public static async Task<ApiException> CreateAsync(
        HttpStatusCode status,
        string? problemJson = null,
        HttpMethod? method = null)
    {
        method ??= HttpMethod.Put;
        var request = new HttpRequestMessage(method, "http://127.0.0.1/customers");
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(problemJson ?? string.Empty, Encoding.UTF8, "application/problem+json"),
        };
        return await ApiException.Create(request, method, response, new RefitSettings());
    }

    public static string Problem(int status, string title, string detail, string? errorCode, string? field) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["errorCode"] = errorCode,
            ["field"] = field,
        });
}
