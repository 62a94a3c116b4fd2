namespace DaprSync.Orchestrator.CustomerSync;

/// <summary>Settings of the <c>CustomerSync</c> section: value maps and limits of the customer flow.</summary>
public sealed class CustomerSyncOptions
{
    public const string SectionName = "CustomerSync";

    /// <summary>NetSuite internal id of the subsidiary that new Customers belong to.</summary>
    public string SubsidiaryId { get; set; } = "1";

    /// <summary><c>Payment_Terms__c</c> picklist values to NetSuite term internal ids.</summary>
    public ValueMapOptions PaymentTerms { get; set; } = new();

    /// <summary><c>Shipping_Carrier__c</c> picklist values to NetSuite shipping item internal ids.</summary>
    public ValueMapOptions ShippingCarriers { get; set; } = new();

    /// <summary>Maximum number of ancestors synced before an Account whose parent is not in NetSuite yet.</summary>
    public int MaxParentDepth { get; set; } = 10;

    /// <summary>How long a processed event id is kept to drop redeliveries of it.</summary>
    public TimeSpan ProcessedEventRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a delivery holds its event id while it works. A duplicate delivery that arrives meanwhile
    /// is answered RETRY instead of repeating the calls; if the holder dies, the claim lapses after this time
    /// and the redelivered event is processed.
    /// </summary>
    public TimeSpan EventClaimTimeout { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>A map from Salesforce picklist values to NetSuite internal ids.</summary>
public sealed class ValueMapOptions
{
    /// <summary>Internal id used when the Account has no value; null sends none.</summary>
    public string? Default { get; set; }

    /// <summary>Picklist value to internal id; configuration keys match case-insensitively.</summary>
    public Dictionary<string, string> Values { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
