using System.Net;

namespace DaprSync.SalesforceSapi.Rest;

/// <summary>
/// Salesforce rejected a REST request with an error body. <see cref="ErrorCode"/> is Salesforce's code,
/// such as <c>INVALID_FIELD</c>, and <see cref="Fields"/> the API names it listed.
/// </summary>
public sealed class SalesforceApiException(
    HttpStatusCode statusCode,
    string errorCode,
    string message,
    IReadOnlyList<string> fields)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public string ErrorCode { get; } = errorCode;

    public IReadOnlyList<string> Fields { get; } = fields;
}

/// <summary>
/// Salesforce could not be reached or failed transiently (timeout, 5xx, 429, or the API request limit), so
/// the call may be retried later. <see cref="ErrorCode"/> is Salesforce's code when it sent one, such as
/// <c>REQUEST_LIMIT_EXCEEDED</c>.
/// </summary>
public sealed class SalesforceUnavailableException(
    string message,
    Exception? innerException = null,
    string? errorCode = null)
    : Exception(message, innerException)
{
    public string? ErrorCode { get; } = errorCode;
}

/// <summary>
/// The OAuth token endpoint rejected the token request, for example with <c>invalid_client</c> (client
/// credentials) or <c>invalid_grant</c> (JWT bearer).
/// </summary>
public sealed class SalesforceAuthenticationException(string error, string description)
    : Exception($"Salesforce rejected the token request: {error} ({description}).")
{
    /// <summary>The OAuth <c>error</c> value.</summary>
    public string Error { get; } = error;
}
