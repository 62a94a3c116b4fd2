using Refit;

namespace DaprSync.NetSuiteSapi.Payments;

/// <summary>The customer payment resource of the REST record API (<c>/services/rest/record/v1</c>).</summary>
public interface INetSuitePaymentApi
{
    /// <summary>Creates the payment with this external id or updates the one that has it; 204 with the record's
    /// URL in <c>Location</c>.</summary>
    [Put("/record/v1/customerPayment/eid:{externalId}")]
    Task<IApiResponse> UpsertByExternalIdAsync(
        string externalId,
        [Body] CustomerPaymentBody body,
        CancellationToken cancellationToken = default);
}
