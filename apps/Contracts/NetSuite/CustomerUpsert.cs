namespace DaprSync.Contracts.NetSuite;

/// <summary>One address book entry; <see cref="CountryCode"/> is ISO 3166-1 alpha-2.</summary>
public sealed record CustomerAddress(
    string Label,
    bool DefaultBilling,
    bool DefaultShipping,
    string? Addressee,
    string? Addr1,
    string? Addr2,
    string? City,
    string? State,
    string? Zip,
    string CountryCode);

/// <summary>
/// A Customer to create or update. The NetSuite System API updates by <see cref="InternalId"/> when it
/// is set and otherwise upserts by <see cref="ExternalId"/> (the Salesforce Account id).
/// Ids such as <see cref="TermsId"/> are NetSuite internal ids, already mapped by the orchestrator.
/// </summary>
public sealed record CustomerUpsertRequest(
    string ExternalId,
    string? InternalId,
    string CompanyName,
    string? AccountNumber,
    string SubsidiaryId,
    string? TermsId,
    decimal? CreditLimit,
    string? VatRegNumber,
    string? DunsNumber,
    string? ShippingItemId,
    string? ParentInternalId,
    string? Phone,
    IReadOnlyList<CustomerAddress> Addresses);

/// <summary>Outcome of a customer upsert.</summary>
public sealed record CustomerUpsertResult(string InternalId, bool Created);
