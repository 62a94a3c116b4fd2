using System.Text.Json.Nodes;

namespace DaprSync.Standalone.Sandbox;

/// <summary>
/// The sandbox's built-in day of work when no plan is imported: a distributor's accounts in several
/// countries, written with the spellings real orgs hold (<c>UK</c>, <c>USA</c>, alpha-3 codes,
/// accents, apostrophes), one parent account, and the edits a sales team makes later in the day.
/// </summary>
public static partial class BuiltInSeed
{
    /// <summary>
    /// Parent accounts, imported first so that their children can refer to them, then the customers, the
    /// catalogue and the day's orders.
    /// </summary>
    public static TreePlan Plan() => new(
    [
        new TreePlanStep("Account", SaveRefs: true, ResolveRefs: false, [Parents()]),
        new TreePlanStep("Account", SaveRefs: true, ResolveRefs: true, [Customers()]),
        .. OrderSteps(),
    ]);

    /// <summary>Edits made after the first sync: by reference id, the fields a user changes.</summary>
    public static IReadOnlyList<(string ReferenceId, JsonObject Fields)> Edits() =>
    [
        ("Seed-Harbour", new JsonObject { ["Credit_Limit__c"] = 75000, ["Phone"] = "+44 20 7946 0000" }),
        ("Seed-Bistro", new JsonObject { ["Payment_Terms__c"] = "Net 60" }),
        ("Seed-Alpen", new JsonObject { ["ShippingStreet"] = "Bahnhofstrasse 12\nLager 3", ["ShippingCity"] = "Zürich" }),
    ];

    private static JsonArray Parents() =>
    [
        Account("Seed-Group", "Northwind Group Holdings", "NWGRP", "USA", "Net 30", 250000, "UPS"),
    ];

    private static JsonArray Customers() =>
    [
        Account("Seed-Harbour", "Harbour Foods Ltd", "HARBF", "UK", "Net 30", 50000, "FedEx", parent: "@Seed-Group"),
        Account("Seed-Bistro", "Bistro d'Orsay", "BISTO", "France", "Net 15", 12000, null),
        Account("Seed-Alpen", "Alpenkäserei Müller AG", "ALPEN", "CHE", null, 30000, "DHL"),
        Account("Seed-Lakes", "Great Lakes Grocers Inc.", "GLAKE", "United States", "Net 60", 80000, "UPS", parent: "@Seed-Group"),
        Account("Seed-Sao", "Empório São Paulo", "EMPSP", "Brazil", "Due on Receipt", null, null),
        Account("Seed-Tokyo", "Tokyo Fine Imports KK", "TOKFI", "jp", "Net 30", 40000, "FedEx"),
        Account("Seed-Maple", "Maple Leaf Provisions", "MAPLE", "Canada", null, null, null),
        Account("Seed-Nord", "Nordisk Delikatesse A/S", "NORDK", "Denmark", "Net 30", 22000, "DHL"),
    ];

    private static JsonObject Account(
        string referenceId,
        string name,
        string accountNumber,
        string country,
        string? terms,
        decimal? creditLimit,
        string? carrier,
        string? parent = null)
    {
        var account = new JsonObject
        {
            ["attributes"] = new JsonObject { ["type"] = "Account", ["referenceId"] = referenceId },
            ["Name"] = name,
            ["AccountNumber"] = accountNumber,
            ["Type"] = "Customer",
            ["BillingStreet"] = $"{accountNumber} Commerce Way 1",
            ["BillingCity"] = "Springfield",
            ["BillingPostalCode"] = "10001",
            ["BillingCountry"] = country,
            ["ShippingStreet"] = $"{accountNumber} Dock Road 7",
            ["ShippingCity"] = "Springfield",
            ["ShippingPostalCode"] = "10002",
            ["ShippingCountry"] = country,
        };
        Add(account, "Payment_Terms__c", terms);
        Add(account, "Credit_Limit__c", creditLimit);
        Add(account, "Shipping_Carrier__c", carrier);
        Add(account, "ParentId", parent);
        return account;
    }

    private static void Add(JsonObject record, string field, object? value)
    {
        if (value is not null)
        {
            record[field] = JsonValue.Create(value);
        }
    }
}
