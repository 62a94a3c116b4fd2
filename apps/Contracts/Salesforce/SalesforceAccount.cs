namespace DaprSync.Contracts.Salesforce;

/// <summary>Postal address as Salesforce stores it; <see cref="Country"/> is free text.</summary>
public sealed record PostalAddress(
    string? Street,
    string? City,
    string? State,
    string? PostalCode,
    string? Country);

/// <summary>The Account fields that the customer flow reads, with the parent's NetSuite id resolved.</summary>
public sealed record SalesforceAccount(
    string Id,
    string? Name,
    string? AccountNumber,
    string? NetSuiteId,
    string? PaymentTerms,
    decimal? CreditLimit,
    string? TaxId,
    string? DunsNumber,
    string? ShippingCarrier,
    string? Phone,
    string? ParentId,
    string? ParentNetSuiteId,
    PostalAddress? BillingAddress,
    PostalAddress? ShippingAddress,
    DateTimeOffset? LastModifiedDate);

/// <summary>
/// Writeback of a sync outcome to an Account. A null <see cref="NetSuiteId"/> leaves
/// <c>NetSuite_Id__c</c> unchanged; a null <see cref="SyncError"/> clears <c>Sync_Error__c</c>.
/// </summary>
public sealed record AccountSyncUpdate(
    string? NetSuiteId,
    string SyncStatus,
    string? SyncError);

/// <summary>Values of <c>Sync_Status__c</c>.</summary>
public static class SyncStatus
{
    public const string Synced = "Synced";
    public const string Failed = "Failed";
}
