using System.Text.Json;

namespace DaprSync.Orchestrator.Operations;

/// <summary>
/// Reads an optional JSON body of an admin request. Minimal API binding rejects a malformed body with an empty
/// 400, so the admin routes read it here and return ProblemDetails that name the field instead.
/// </summary>
internal static class AdminRequestBody
{
    /// <summary>
    /// Reads the body as <typeparamref name="T"/>. An empty body is null, and a malformed one is a 400 problem
    /// whose detail shows <paramref name="example"/>, a valid body.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(
        HttpRequest request, string example, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web), null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is null or "$" ? "body" : exception.Path.TrimStart('$', '.');
            var problem = TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid request body",
                detail: $"The request body is invalid at '{field}': {exception.Message} Send a body such as {example}.",
                extensions: new Dictionary<string, object?> { [Contracts.SyncProblemDetails.Field] = field });
            return (null, problem);
        }
    }
}
