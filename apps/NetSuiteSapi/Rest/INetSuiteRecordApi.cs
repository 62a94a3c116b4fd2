using DaprSync.NetSuiteSapi.Customers;
using Refit;

namespace DaprSync.NetSuiteSapi.Rest;

/// <summary>
/// The parts of NetSuite's REST record API (<c>/services/rest/record/v1</c>) that ns-sapi calls. Writes return
/// 204 with the record's URL in <c>Location</c>, so they return the raw response.
/// </summary>
public interface INetSuiteRecordApi
{
    [Patch("/record/v1/customer/{id}?replace=addressBook")]
    Task<IApiResponse> UpdateCustomerAsync(
        string id,
        [Body] CustomerRecordBody body,
        CancellationToken cancellationToken = default);

    /// <summary>Creates the customer with this external id or updates the one that has it.</summary>
    [Put("/record/v1/customer/eid:{externalId}?replace=addressBook")]
    Task<IApiResponse> UpsertCustomerByExternalIdAsync(
        string externalId,
        [Body] CustomerRecordBody body,
        CancellationToken cancellationToken = default);
}
