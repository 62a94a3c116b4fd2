using System.Net;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Rest;
using Refit;

namespace DaprSync.NetSuiteSapi.Customers;

/// <summary>
/// Writes a customer through the REST record API: by internal id when the request carries it, otherwise an upsert by
/// external id, so a repeated event never creates a second customer.
/// </summary>
public sealed class CustomerUpsertService(INetSuiteRecordApi recordApi, ILogger<CustomerUpsertService> logger)
{
    public async Task<CustomerUpsertOutcome> UpsertAsync(
        CustomerUpsertRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = CustomerRecordMapper.ToRecordBody(request);
        var byExternalId = string.IsNullOrWhiteSpace(request.InternalId);

        using var response = byExternalId
            ? await recordApi.UpsertCustomerByExternalIdAsync(request.ExternalId, body, cancellationToken)
            : await recordApi.UpdateCustomerAsync(request.InternalId!, body, cancellationToken);

        // Refit returns connection failures and timeouts inside the response instead of throwing them.
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reason = IsTimeout(requestError)
                ? "the request to NetSuite timed out"
                : "the request to NetSuite failed: " + (requestError.InnerException ?? requestError).Message;
            return Transient(request, reason, requestError.InnerException ?? requestError);
        }

        return Interpret(request, response, byExternalId);
    }

    // A timeout arrives as HttpClient's cancellation or, from the resilience pipeline's per-attempt
    // timeout, as Polly's TimeoutRejectedException, at any depth of the exception chain.
    private static bool IsTimeout(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is OperationCanceledException or Polly.Timeout.TimeoutRejectedException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private CustomerUpsertOutcome Interpret(CustomerUpsertRequest request, IApiResponse response, bool byExternalId)
    {
        var status = (int)(response.StatusCode ?? 0);
        if (response.IsSuccessStatusCode)
        {
            var internalId = byExternalId ? InternalIdFromLocation(response.Headers.Location) : request.InternalId;
            if (internalId is null)
            {
                return Unexpected(request, $"HTTP {status} without a customer URL in the Location header");
            }

            Log.CustomerUpserted(logger, request.ExternalId, internalId, byExternalId);
            return new CustomerUpsertOutcome.Succeeded(new CustomerUpsertResult(internalId, byExternalId));
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Log.LoginFailed(logger, request.ExternalId);
            return new CustomerUpsertOutcome.LoginFailed();
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            return Transient(request, $"NetSuite returned HTTP {status}", null);
        }

        var error = response.HasResponseError(out var responseError)
            ? NetSuiteRestError.TryParse(responseError.Content)
            : null;
        if (error is null)
        {
            return Unexpected(request, $"HTTP {status} without a NetSuite error body");
        }

        var detail = error.ErrorDetails![0];
        var text = detail.Detail ?? error.Title ?? $"HTTP {status}";
        Log.CustomerRejected(logger, request.ExternalId, status, detail.ErrorCode, detail.ErrorPath, text);
        return new CustomerUpsertOutcome.Rejected(status, detail.ErrorCode, detail.ErrorPath, text);
    }

    /// <summary>Takes the internal id from <c>.../record/v1/customer/{id}</c>.</summary>
    public static string? InternalIdFromLocation(Uri? location)
    {
        var path = location?.IsAbsoluteUri == true ? location.AbsolutePath : location?.OriginalString;
        var segments = path?.TrimEnd('/').Split('/');
        if (segments is not { Length: >= 2 } || segments[^2] != "customer")
        {
            return null;
        }

        var id = segments[^1];
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null;
    }

    private CustomerUpsertOutcome.Transient Transient(
        CustomerUpsertRequest request,
        string reason,
        Exception? exception)
    {
        Log.TransientFailure(logger, request.ExternalId, reason, exception);
        return new CustomerUpsertOutcome.Transient(reason);
    }

    private CustomerUpsertOutcome.UnexpectedResponse Unexpected(CustomerUpsertRequest request, string reason)
    {
        Log.UnexpectedResponse(logger, request.ExternalId, reason);
        return new CustomerUpsertOutcome.UnexpectedResponse(reason);
    }
}
