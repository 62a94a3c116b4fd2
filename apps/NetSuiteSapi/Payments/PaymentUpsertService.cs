using System.Globalization;
using System.Net;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Rest;
using Microsoft.Extensions.Options;
using Refit;

namespace DaprSync.NetSuiteSapi.Payments;

/// <summary>Result of a payment upsert; each case maps onto one HTTP status of <c>PUT /payments</c>.</summary>
public abstract record PaymentUpsertOutcome
{
    private PaymentUpsertOutcome()
    {
    }

    public sealed record Succeeded(PaymentUpsertResult Result) : PaymentUpsertOutcome;

    /// <summary>NetSuite rejected the payment, so sending it again unchanged fails again.</summary>
    public sealed record Rejected(int NetSuiteStatus, string? ErrorCode, string? Field, string Detail)
        : PaymentUpsertOutcome;

    /// <summary>A setting that the payment needs is missing; <see cref="Key"/> names it.</summary>
    public sealed record NotConfigured(string Key) : PaymentUpsertOutcome;

    public sealed record LoginFailed : PaymentUpsertOutcome;

    /// <summary>429, 5xx, a timeout or a connection error that outlasted the retries.</summary>
    public sealed record Transient(string Reason) : PaymentUpsertOutcome;

    public sealed record UnexpectedResponse(string Reason) : PaymentUpsertOutcome;
}

/// <summary>
/// Upserts a customer payment by external id (the Salesforce Payment id) with one <c>apply</c> line for the
/// invoice. A redelivered event therefore updates the payment it made before instead of paying twice.
/// </summary>
public sealed partial class PaymentUpsertService(
    INetSuitePaymentApi paymentApi,
    IOptions<PaymentOptions> options,
    ILogger<PaymentUpsertService> logger)
{
    public async Task<PaymentUpsertOutcome> UpsertAsync(
        PaymentUpsertRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.ArAccountId))
        {
            return NotConfigured(nameof(PaymentOptions.ArAccountId));
        }

        if (string.IsNullOrEmpty(settings.GlAccountId))
        {
            return NotConfigured(nameof(PaymentOptions.GlAccountId));
        }

        var body = new CustomerPaymentBody(
            request.ExternalId,
            new RecordRef(request.CustomerId),
            request.Amount,
            new RecordRef(settings.ArAccountId),
            new RecordRef(settings.GlAccountId),
            request.PaymentDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            request.Memo,
            new PaymentApplyList([new PaymentApplyLine(new RecordRef(request.InvoiceId), true, request.Amount)]));

        using var response = await paymentApi.UpsertByExternalIdAsync(request.ExternalId, body, cancellationToken);
        if (response.HasRequestError(out var requestError))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cause = requestError.InnerException ?? requestError;
            LogTransient(logger, request.ExternalId, cause.Message);
            return new PaymentUpsertOutcome.Transient("the request to NetSuite failed: " + cause.Message);
        }

        return Interpret(request, response);
    }

    private PaymentUpsertOutcome Interpret(PaymentUpsertRequest request, IApiResponse response)
    {
        var status = (int)(response.StatusCode ?? 0);
        if (response.IsSuccessStatusCode)
        {
            var internalId = InternalIdFromLocation(response.Headers.Location);
            if (internalId is null)
            {
                return new PaymentUpsertOutcome.UnexpectedResponse(
                    $"HTTP {status} without a customer payment URL in the Location header");
            }

            LogUpserted(logger, request.ExternalId, internalId, request.InvoiceId, request.Amount);
            return new PaymentUpsertOutcome.Succeeded(new PaymentUpsertResult(internalId));
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new PaymentUpsertOutcome.LoginFailed();
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500)
        {
            LogTransient(logger, request.ExternalId, $"HTTP {status}");
            return new PaymentUpsertOutcome.Transient($"NetSuite returned HTTP {status}");
        }

        var error = response.HasResponseError(out var responseError)
            ? NetSuiteRestError.TryParse(responseError.Content)
            : null;
        if (error is null)
        {
            return new PaymentUpsertOutcome.UnexpectedResponse($"HTTP {status} without a NetSuite error body");
        }

        var detail = error.ErrorDetails![0];
        var text = detail.Detail ?? error.Title ?? $"HTTP {status}";
        LogRejected(logger, request.ExternalId, status, detail.ErrorCode, text);
        return new PaymentUpsertOutcome.Rejected(status, detail.ErrorCode, detail.ErrorPath, text);
    }

    /// <summary>Takes the internal id from <c>.../record/v1/customerPayment/{id}</c>.</summary>
    public static string? InternalIdFromLocation(Uri? location)
    {
        var path = location?.IsAbsoluteUri == true ? location.AbsolutePath : location?.OriginalString;
        var segments = path?.TrimEnd('/').Split('/');
        if (segments is not { Length: >= 2 }
            || !string.Equals(segments[^2], "customerpayment", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = segments[^1];
        return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null;
    }

    private PaymentUpsertOutcome.NotConfigured NotConfigured(string key)
    {
        LogNotConfigured(logger, PaymentOptions.SectionName + ":" + key);
        return new PaymentUpsertOutcome.NotConfigured(PaymentOptions.SectionName + ":" + key);
    }

    [LoggerMessage(EventId = 50, Level = LogLevel.Information,
        Message = "Upserted payment {ExternalId} as NetSuite customer payment {InternalId}: "
            + "{Amount} on invoice {InvoiceId}")]
    private static partial void LogUpserted(
        ILogger logger, string externalId, string internalId, string invoiceId, decimal amount);

    [LoggerMessage(EventId = 51, Level = LogLevel.Warning,
        Message = "NetSuite rejected payment {ExternalId} with HTTP {Status} {ErrorCode}: {Detail}")]
    private static partial void LogRejected(
        ILogger logger, string externalId, int status, string? errorCode, string detail);

    [LoggerMessage(EventId = 52, Level = LogLevel.Warning,
        Message = "Transient NetSuite failure for payment {ExternalId}: {Reason}")]
    private static partial void LogTransient(ILogger logger, string externalId, string reason);

    [LoggerMessage(EventId = 53, Level = LogLevel.Error,
        Message = "Cannot send customer payments: the setting {Key} is missing")]
    private static partial void LogNotConfigured(ILogger logger, string key);
}
