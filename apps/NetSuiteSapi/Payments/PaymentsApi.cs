using DaprSync.Contracts;
using DaprSync.Contracts.NetSuite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DaprSync.NetSuiteSapi.Payments;

/// <summary>
/// <c>PUT /payments</c>, the implementation of <see cref="INetSuiteSapi.UpsertPaymentAsync"/>: 200 with the
/// payment's internal id, 400 for an invalid request, 422 for a payment NetSuite rejected, 500 when an account
/// setting is missing, 502 for a login or protocol failure and 503 for a transient NetSuite failure.
/// </summary>
public static class PaymentsApi
{
    public static IEndpointRouteBuilder MapPaymentsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPut("/payments", UpsertAsync);
        return endpoints;
    }

    private static async Task<Results<Ok<PaymentUpsertResult>, ValidationProblem, ProblemHttpResult>> UpsertAsync(
        PaymentUpsertRequest request,
        PaymentUpsertService service,
        CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await service.UpsertAsync(request, cancellationToken) switch
        {
            PaymentUpsertOutcome.Succeeded succeeded => TypedResults.Ok(succeeded.Result),
            PaymentUpsertOutcome.Rejected rejected => Problem(StatusCodes.Status422UnprocessableEntity,
                "NetSuite rejected the payment", rejected.Detail, rejected.ErrorCode, rejected.Field),
            PaymentUpsertOutcome.NotConfigured missing => Problem(StatusCodes.Status500InternalServerError,
                "ns-sapi is not configured for payments", $"Set {missing.Key} to the account's internal id.",
                null, null),
            PaymentUpsertOutcome.LoginFailed => Problem(StatusCodes.Status502BadGateway, "NetSuite rejected the login",
                "NetSuite returned 401: check the NetSuite account id, consumer and token settings of ns-sapi.",
                "INVALID_LOGIN", null),
            PaymentUpsertOutcome.Transient transient => Problem(StatusCodes.Status503ServiceUnavailable,
                "NetSuite is unavailable", transient.Reason + "; retry later.", null, null),
            PaymentUpsertOutcome.UnexpectedResponse unexpected => Problem(StatusCodes.Status502BadGateway,
                "Unexpected NetSuite response", unexpected.Reason, null, null),
            var other => throw new InvalidOperationException($"Unhandled payment upsert outcome {other}."),
        };
    }

    private static Dictionary<string, string[]> Validate(PaymentUpsertRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.ExternalId))
        {
            errors[nameof(request.ExternalId)] = ["ExternalId is missing: pass the Salesforce Payment id."];
        }

        RequireInternalId(errors, nameof(request.CustomerId), request.CustomerId);
        RequireInternalId(errors, nameof(request.InvoiceId), request.InvoiceId);
        if (request.Amount <= 0)
        {
            errors[nameof(request.Amount)] = [$"Amount {request.Amount} is invalid: it must be greater than 0."];
        }

        return errors;
    }

    private static void RequireInternalId(Dictionary<string, string[]> errors, string name, string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.All(char.IsAsciiDigit))
        {
            errors[name] = [$"{name} '{value}' is invalid: pass a NetSuite internal id (digits)."];
        }
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
}
