using DaprSync.Contracts.Events;
using DaprSync.Contracts.Salesforce;

namespace DaprSync.Orchestrator.Tests;

/// <summary>Accounts and events shaped like the Northwind data the sandbox imports.</summary>
internal static class TestAccounts
{
    public static readonly PostalAddress Berlin = new("Obere Str. 57", "Berlin", null, "12209", "Germany");

    public static SalesforceAccount Alfreds(string id = "001000000000001AAA") => new(
        Id: id,
        Name: "Alfreds Futterkiste",
        AccountNumber: "ALFKI",
        NetSuiteId: null,
        PaymentTerms: "Net 30",
        CreditLimit: 25000m,
        TaxId: "DE123456789",
        DunsNumber: "15-048-3782",
        ShippingCarrier: "United Package",
        Phone: "030-0074321",
        ParentId: null,
        ParentNetSuiteId: null,
        BillingAddress: Berlin,
        ShippingAddress: Berlin,
        LastModifiedDate: new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public static AccountChangedEvent Changed(string accountId, string eventId = "evt-0001") =>
        new(eventId, accountId, "UPDATE", new DateTimeOffset(2026, 3, 2, 8, 59, 0, TimeSpan.Zero));
}
