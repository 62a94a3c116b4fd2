namespace DaprSync.SalesforceEmulator.Schema;

/// <summary>
/// The sObjects of the emulated org: the standard objects the flows use and the custom objects
/// and fields that DaprSync's metadata package deploys. Field names match case-insensitively.
/// </summary>
public static partial class SalesforceSchema
{
    private static readonly Dictionary<string, SObjectType> Types = BuildTypes()
        .ToDictionary(type => type.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Key prefixes of referenced objects that the emulator does not store, such as User.</summary>
    private static readonly Dictionary<string, string> ExternalKeyPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] = "005",
        ["QuoteLineItem"] = "0QL",
        ["Organization"] = "00D",
    };

    public static IEnumerable<SObjectType> All => Types.Values;

    /// <summary>Returns the describe of <paramref name="name"/> (any casing), or null for an unknown sObject.</summary>
    public static SObjectType? Find(string name) => Types.GetValueOrDefault(name);

    /// <summary>Returns the key prefix of any object a reference field may point to, stored here or not.</summary>
    public static string? KeyPrefixOf(string sObjectName) =>
        Types.TryGetValue(sObjectName, out var type)
            ? type.KeyPrefix
            : ExternalKeyPrefixes.GetValueOrDefault(sObjectName);

    /// <summary>Returns the sObject whose ids start with <paramref name="keyPrefix"/>, or null.</summary>
    public static SObjectType? FindByKeyPrefix(string keyPrefix) =>
        Types.Values.FirstOrDefault(type => string.Equals(type.KeyPrefix, keyPrefix, StringComparison.Ordinal));

    private static IEnumerable<SObjectType> BuildTypes()
    {
        yield return new SObjectType("Account", "001", WithSystemFields(AccountFields()),
        [
            new ChildRelationship("ChildAccounts", "Account", "ParentId"),
            new ChildRelationship("Orders", "Order", "AccountId"),
            new ChildRelationship("Invoices__r", "Invoice__c", "Account__c"),
            new ChildRelationship("Refunds__r", "Refund__c", "Account__c"),
        ]);
        yield return new SObjectType("Order", "801", WithSystemFields(OrderFields()),
        [
            new ChildRelationship("OrderItems", "OrderItem", "OrderId"),
            new ChildRelationship("Invoices__r", "Invoice__c", "Order__c"),
        ]);
        yield return new SObjectType("OrderItem", "802", WithSystemFields(OrderItemFields()), []);
        yield return new SObjectType("Product2", "01t", WithSystemFields(Product2Fields()),
        [
            new ChildRelationship("PricebookEntries", "PricebookEntry", "Product2Id"),
        ]);
        yield return new SObjectType("Pricebook2", "01s", WithSystemFields(Pricebook2Fields()),
        [
            new ChildRelationship("PricebookEntries", "PricebookEntry", "Pricebook2Id"),
            new ChildRelationship("Orders", "Order", "Pricebook2Id"),
        ]);
        yield return new SObjectType("PricebookEntry", "01u", WithSystemFields(PricebookEntryFields()), []);

        // Custom objects get key prefixes in the a0 range, as the first custom objects of an org do.
        yield return new SObjectType("Invoice__c", "a01", WithSystemFields(InvoiceFields()),
        [
            new ChildRelationship("Payments__r", "Payment__c", "Invoice__c"),
        ]);
        yield return new SObjectType("Refund__c", "a02", WithSystemFields(RefundFields()), []);
        yield return new SObjectType("Payment__c", "a03", WithSystemFields(PaymentFields()), []);
    }

    private static IEnumerable<SObjectField> WithSystemFields(IEnumerable<SObjectField> fields)
    {
        yield return new SObjectField("Id", FieldType.Id, "Record ID", Length: 18, ReadOnly: true);
        foreach (var field in fields)
        {
            yield return field;
        }

        yield return new SObjectField("CreatedDate", FieldType.DateTime, "Created Date", ReadOnly: true);
        yield return new SObjectField(
            "CreatedById", FieldType.Reference, "Created By ID", ReadOnly: true, ReferenceTo: "User");
        yield return new SObjectField("LastModifiedDate", FieldType.DateTime, "Last Modified Date", ReadOnly: true);
        yield return new SObjectField(
            "LastModifiedById", FieldType.Reference, "Last Modified By ID", ReadOnly: true, ReferenceTo: "User");
        yield return new SObjectField("SystemModstamp", FieldType.DateTime, "System Modstamp", ReadOnly: true);
    }

    private static SObjectField Text(string name, string label, int length, bool required = false) =>
        new(name, FieldType.Text, label, Length: length, Required: required);

    private static SObjectField TextArea(string name, string label, int length) =>
        new(name, FieldType.TextArea, label, Length: length);

    private static SObjectField Picklist(string name, string label, bool required = false) =>
        new(name, FieldType.Picklist, label, Length: 255, Required: required);

    private static SObjectField Reference(string name, string label, string target, bool required = false) =>
        new(name, FieldType.Reference, label, Length: 18, Required: required, ReferenceTo: target);

    private static SObjectField Typed(string name, FieldType type, string label, bool required = false) =>
        new(name, type, label, Required: required);

    private static SObjectField ExternalId(string name, string label, bool unique) =>
        new(name, FieldType.Text, label, Length: 50, Unique: unique, ExternalId: true);

    private static IEnumerable<SObjectField> Address(string prefix, string label)
    {
        yield return TextArea(prefix + "Street", label + " Street", 255);
        yield return Text(prefix + "City", label + " City", 40);
        yield return Text(prefix + "State", label + " State/Province", 80);
        yield return Text(prefix + "PostalCode", label + " Zip/Postal Code", 20);
        yield return Text(prefix + "Country", label + " Country", 80);
    }

    private static IEnumerable<SObjectField> SyncFields()
    {
        yield return Picklist("Sync_Status__c", "Sync Status");
        yield return Text("Sync_Error__c", "Sync Error", SyncErrorLength);
    }

    /// <summary>Maximum length of <c>Sync_Error__c</c>, a Text(255) field.</summary>
    public const int SyncErrorLength = 255;
}
