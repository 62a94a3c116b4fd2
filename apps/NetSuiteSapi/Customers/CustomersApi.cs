using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprSync.NetSuiteSapi.Customers;

/// <summary>
/// <c>PUT /customers</c>, the implementation of <see cref="INetSuiteSapi.UpsertCustomerAsync"/>: 200 with the
/// result, 400 for a request that misses required values, 422 for a record NetSuite rejected, 502 for a login or
/// protocol failure and 503 for a transient NetSuite failure.
/// </summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPut("/customers", UpsertAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<CustomerUpsertResult>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        CustomerUpsertRequest request,
        CustomerUpsertService service,
        ILogger<CustomerUpsertService> logger,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            Log.CustomerRequestInvalid(logger, request.ExternalId, string.Join(", ", errors.Keys));
            return TypedResults.ValidationProblem(errors);
        }

        return await service.UpsertAsync(request, cancellationToken) switch
        {
            CustomerUpsertOutcome.Succeeded succeeded => TypedResults.Ok(succeeded.Result),
            CustomerUpsertOutcome.Rejected rejected => Problem(
                StatusCodes.Status422UnprocessableEntity,
                "NetSuite rejected the customer",
                rejected.Detail,
                rejected.ErrorCode,
                rejected.Field),
            CustomerUpsertOutcome.LoginFailed => Problem(
                StatusCodes.Status502BadGateway,
                "NetSuite rejected the login",
                "NetSuite returned 401: check the NetSuite account id, consumer and token settings of ns-sapi.",
                "INVALID_LOGIN",
                null),
            CustomerUpsertOutcome.Transient transient => Problem(
                StatusCodes.Status503ServiceUnavailable,
                "NetSuite is unavailable",
                transient.Reason + "; retry later.",
                null,
                null),
            CustomerUpsertOutcome.UnexpectedResponse unexpected => Problem(
                StatusCodes.Status502BadGateway,
                "Unexpected NetSuite response",
                unexpected.Reason,
                null,
                null),
            var other => throw new InvalidOperationException($"Unhandled customer upsert outcome {other}."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string? errorCode, string? field)
    {
        var extensions = new Dictionary<string, object?>();
        if (errorCode is not null)
        {
            extensions[SyncProblemDetails.ErrorCode] = errorCode;
        }

        if (field is not null)
        {
            extensions[SyncProblemDetails.Field] = field;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);
    }

    private static Dictionary<string, string[]> Validate(CustomerUpsertRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        Require(errors, nameof(request.ExternalId), request.ExternalId);
        Require(errors, nameof(request.CompanyName), request.CompanyName);
        Require(errors, nameof(request.SubsidiaryId), request.SubsidiaryId);

        var addresses = request.Addresses ?? [];
        for (var i = 0; i < addresses.Count; i++)
        {
            var code = addresses[i].CountryCode?.Trim();
            if (code is not { Length: 2 } || !code.All(char.IsAsciiLetter))
            {
                errors[$"Addresses[{i}].CountryCode"] =
                    [$"Country code '{code}' is invalid: use an ISO 3166-1 alpha-2 code such as GB."];
            }
        }

        return errors;
    }

    private static void Require(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[name] = [$"{name} is missing."];
        }
    }
}
