namespace DaprSync.NetSuiteEmulator.Records.Customers;

/// <summary>A stored Customer record, immutable once stored. Reference fields contain internal ids.</summary>
public sealed record NetSuiteCustomer
{
    public string Id { get; init; } = "";

    public string? ExternalId { get; init; }

    public bool IsPerson { get; init; }

    public string? CompanyName { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public string? AccountNumber { get; init; }

    public string? SubsidiaryId { get; init; }

    public string? TermsId { get; init; }

    public decimal? CreditLimit { get; init; }

    public string? VatRegNumber { get; init; }

    public string? Phone { get; init; }

    public string? ParentId { get; init; }

    public string? ShippingItemId { get; init; }

    /// <summary>Custom entity field <c>custentity_dsync_sf_account_id</c>.</summary>
    public string? SalesforceAccountId { get; init; }

    /// <summary>Custom entity field <c>custentity_dsync_duns_number</c>.</summary>
    public string? DunsNumber { get; init; }

    /// <summary>Lines of the <c>addressBook</c> sublist.</summary>
    public IReadOnlyList<NetSuiteAddress> Addresses { get; init; } = [];

    public DateTimeOffset DateCreated { get; init; }

    public DateTimeOffset LastModifiedDate { get; init; }
}

/// <summary>
/// One line of a customer's address book. <see cref="Id"/> is the line's internal id, 0 until the store assigns one;
/// <see cref="CountryCode"/> is ISO 3166-1 alpha-2, as the REST API carries it.
/// </summary>
public sealed record NetSuiteAddress(
    int Id,
    string? Label,
    bool DefaultBilling,
    bool DefaultShipping,
    string? Addressee,
    string? Attention,
    string? Addr1,
    string? Addr2,
    string? Addr3,
    string? City,
    string? State,
    string? Zip,
    string? CountryCode,
    string? AddrPhone);
