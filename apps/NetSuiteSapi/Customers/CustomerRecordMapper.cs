using DaprSync.Contracts.NetSuite;

namespace DaprSync.NetSuiteSapi.Customers;

/// <summary>Maps the System API's customer contract onto the REST record body.</summary>
public static class CustomerRecordMapper
{
    public static CustomerRecordBody ToRecordBody(CustomerUpsertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new CustomerRecordBody
        {
            ExternalId = request.ExternalId,
            CompanyName = request.CompanyName,
            AccountNumber = request.AccountNumber,
            Subsidiary = Reference(request.SubsidiaryId),
            Terms = Reference(request.TermsId),
            CreditLimit = request.CreditLimit,
            VatRegNumber = request.VatRegNumber,
            Phone = request.Phone,
            Parent = Reference(request.ParentInternalId),
            ShippingItem = Reference(request.ShippingItemId),
            SalesforceAccountId = request.ExternalId,
            DunsNumber = request.DunsNumber,

            // Always sent, even empty, because with ?replace=addressBook it is the customer's complete address list.
            AddressBook = new AddressBookSublist([.. (request.Addresses ?? []).Select(ToLine)]),
        };
    }

    private static AddressBookLine ToLine(CustomerAddress address) => new(
        address.DefaultBilling,
        address.DefaultShipping,
        address.Label,
        new AddressBookAddress(
            address.Addressee,
            address.Addr1,
            address.Addr2,
            address.City,
            address.State,
            address.Zip,
            new RecordRef(address.CountryCode.Trim().ToUpperInvariant())));

    private static RecordRef? Reference(string? internalId) =>
        string.IsNullOrWhiteSpace(internalId) ? null : new RecordRef(internalId);
}
