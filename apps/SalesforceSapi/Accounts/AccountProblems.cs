using DaprSync.Contracts;
using DaprSync.SalesforceSapi.Rest;
using Microsoft.AspNetCore.Mvc;

namespace DaprSync.SalesforceSapi.Accounts;

/// <summary>
/// Turns Salesforce failures into ProblemDetails for the orchestrator: 404 for a missing record, 422 for a
/// record rejection (with Salesforce's <c>errorCode</c>), 503 for a transient or authentication failure.
/// Every endpoint group of the app uses it. The record id is the route's id value, when it has one.
/// </summary>
internal sealed class AccountProblems(ILogger<AccountProblems> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var recordId = http.Request.RouteValues
            .Where(pair => pair.Key.EndsWith("Id", StringComparison.Ordinal))
            .Select(pair => pair.Value as string)
            .FirstOrDefault() ?? "";
        var resource = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault() ?? "";
        var operation = http.Request.Method;
        try
        {
            return await next(context);
        }
        catch (SalesforceApiException exception)
        {
            SalesforceSapiLog.RequestRejected(
                logger, operation, resource, recordId, exception.ErrorCode, exception.Message);
            var status = exception.ErrorCode == "NOT_FOUND"
                ? StatusCodes.Status404NotFound
                : StatusCodes.Status422UnprocessableEntity;
            return Problem(
                status, "Salesforce rejected the request", exception.Message, exception.ErrorCode, exception.Fields);
        }
        catch (SalesforceAuthenticationException exception)
        {
            SalesforceSapiLog.SalesforceUnavailable(logger, exception, operation, resource, recordId);
            return Problem(
                StatusCodes.Status503ServiceUnavailable,
                "Salesforce authentication failed",
                exception.Message + " Check the Salesforce:ClientId and Salesforce:ClientSecret settings, or for "
                    + "the JWT bearer flow Salesforce:Username and Salesforce:PrivateKeyPath.",
                exception.Error,
                []);
        }
        catch (SalesforceUnavailableException exception)
        {
            SalesforceSapiLog.SalesforceUnavailable(logger, exception, operation, resource, recordId);
            return Problem(
                StatusCodes.Status503ServiceUnavailable,
                "Salesforce is unavailable",
                exception.Message,
                exception.ErrorCode,
                []);
        }
    }

    public static IResult Problem(
        int status,
        string title,
        string detail,
        string? errorCode,
        IReadOnlyList<string> fields)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errorCode is not null)
        {
            problem.Extensions[SyncProblemDetails.ErrorCode] = errorCode;
        }

        if (fields.Count > 0)
        {
            problem.Extensions[SyncProblemDetails.Field] = fields[0];
        }

        return TypedResults.Problem(problem);
    }
}
