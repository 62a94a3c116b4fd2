using System.Xml.Linq;

namespace DaprSync.Deploy.Tests;

public sealed class SalesforceMetadataTests
{
    private static readonly XNamespace Metadata = "http://soap.sforce.com/2006/04/metadata";

    private static string Source => RepositoryPaths.File("deploy", "salesforce", "force-app", "main", "default");

    /// <summary>
    /// Custom fields that DaprSync reads or writes, by sObject, with the metadata type each must have.
    /// The flows, the Salesforce System API and the emulator all use these API names.
    /// </summary>
    public static TheoryData<string, string, string> RequiredFields() => new()
    {
        { "Account", "NetSuite_Id__c", "Text" },
        { "Account", "Sync_Status__c", "Picklist" },
        { "Account", "Sync_Error__c", "Text" },
        { "Account", "Payment_Terms__c", "Picklist" },
        { "Account", "Credit_Limit__c", "Currency" },
        { "Account", "Tax_Id__c", "Text" },
        { "Account", "DUNS_Number__c", "Text" },
        { "Account", "Shipping_Carrier__c", "Picklist" },
        { "Order", "NetSuite_Order_Id__c", "Text" },
        { "Order", "NetSuite_Order_Number__c", "Text" },
        { "Order", "Shipping_Carrier__c", "Picklist" },
        { "Order", "Sync_Status__c", "Picklist" },
        { "Order", "Sync_Error__c", "Text" },
        { "OrderItem", "Discount__c", "Percent" },
        { "OrderItem", "Expected_Ship_Date__c", "Date" },
        { "OrderItem", "Sequence_Name__c", "Text" },
        { "Invoice__c", "NetSuite_Id__c", "Text" },
        { "Invoice__c", "Invoice_Number__c", "Text" },
        { "Invoice__c", "Account__c", "Lookup" },
        { "Invoice__c", "Order__c", "Lookup" },
        { "Invoice__c", "Invoice_Date__c", "Date" },
        { "Invoice__c", "Due_Date__c", "Date" },
        { "Invoice__c", "Status__c", "Picklist" },
        { "Invoice__c", "Total__c", "Currency" },
        { "Invoice__c", "Amount_Remaining__c", "Currency" },
        { "Invoice__c", "Currency__c", "Text" },
        { "Refund__c", "NetSuite_Id__c", "Text" },
        { "Refund__c", "Refund_Number__c", "Text" },
        { "Refund__c", "Account__c", "Lookup" },
        { "Refund__c", "Refund_Date__c", "Date" },
        { "Refund__c", "Amount__c", "Currency" },
        { "Refund__c", "Status__c", "Picklist" },
        { "Refund__c", "Memo__c", "LongTextArea" },
        { "Payment__c", "Amount__c", "Currency" },
        { "Payment__c", "Payment_Date__c", "Date" },
        { "Payment__c", "Invoice__c", "Lookup" },
        { "Payment__c", "NetSuite_Payment_Id__c", "Text" },
        { "Payment__c", "Sync_Status__c", "Picklist" },
        { "Payment__c", "Sync_Error__c", "Text" },
        { "AccountsEvent__e", "Account_Id__c", "Text" },
        { "AccountsEvent__e", "Change_Type__c", "Text" },
        { "Create_NS_Order__e", "Order_Id__c", "Text" },
        { "ABT_Payment_and_Refund_Event__e", "Payment_Id__c", "Text" },
        { "ABT_Payment_and_Refund_Event__e", "Amount__c", "Number" },
        { "ABT_Payment_and_Refund_Event__e", "NetSuite_Account_Number__c", "Text" },
        { "ABT_Payment_and_Refund_Event__e", "NetSuite_Invoice_Id__c", "Text" },
        { "ABT_Payment_and_Refund_Event__e", "Payment_Date__c", "Date" },
    };

    public static TheoryData<string> PlatformEvents() =>
        ["AccountsEvent__e", "Create_NS_Order__e", "ABT_Payment_and_Refund_Event__e"];

    private static XElement Load(string path) => XDocument.Load(path).Root!;

    [Fact]
    public void MetadataFiles_AreWellFormedXml()
    {
        var files = Directory.EnumerateFiles(Source, "*.xml", SearchOption.AllDirectories).ToList();

        Assert.True(files.Count > 50, $"Only {files.Count} metadata files under {Source}.");
        foreach (var file in files)
        {
            var root = Load(file);
            Assert.Equal(Metadata, root.Name.Namespace);
        }
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void RequiredField_IsDefined(string sObject, string field, string type)
    {
        var path = Path.Combine(Source, "objects", sObject, "fields", field + ".field-meta.xml");
        Assert.True(File.Exists(path), $"{sObject}.{field} has no metadata file at {path}.");

        var root = Load(path);
        Assert.Equal(field, root.Element(Metadata + "fullName")?.Value);
        Assert.Equal(type, root.Element(Metadata + "type")?.Value);
    }

    [Theory]
    [InlineData("Account", "NetSuite_Id__c", true)]
    [InlineData("Order", "NetSuite_Order_Id__c", false)]
    [InlineData("Invoice__c", "NetSuite_Id__c", true)]
    [InlineData("Refund__c", "NetSuite_Id__c", true)]
    public void NetSuiteIdField_IsExternalId(string sObject, string field, bool unique)
    {
        var root = Load(Path.Combine(Source, "objects", sObject, "fields", field + ".field-meta.xml"));

        Assert.Equal("true", root.Element(Metadata + "externalId")?.Value);
        Assert.Equal(unique ? "true" : "false", root.Element(Metadata + "unique")?.Value);
    }

    [Theory]
    [MemberData(nameof(PlatformEvents))]
    public void PlatformEvent_IsHighVolumePublishedAfterCommit(string name)
    {
        var root = Load(Path.Combine(Source, "objects", name, name + ".object-meta.xml"));

        Assert.Equal("HighVolume", root.Element(Metadata + "eventType")?.Value);
        Assert.Equal("PublishAfterCommit", root.Element(Metadata + "publishBehavior")?.Value);
    }

    [Theory]
    [InlineData("AccountSyncTrigger", "Account", "AccountsEvent__e")]
    [InlineData("OrderSyncTrigger", "Order", "Create_NS_Order__e")]
    [InlineData("PaymentSyncTrigger", "Payment__c", "ABT_Payment_and_Refund_Event__e")]
    public void Trigger_PublishesItsEvent(string trigger, string sObject, string platformEvent)
    {
        var triggerSource = File.ReadAllText(Path.Combine(Source, "triggers", trigger + ".trigger"));
        var handlerSource = File.ReadAllText(Path.Combine(Source, "classes", trigger + "Handler.cls"));

        Assert.Contains($"trigger {trigger} on {sObject} (", triggerSource, StringComparison.Ordinal);
        Assert.Contains($"new {platformEvent}(", handlerSource, StringComparison.Ordinal);
        Assert.Contains("DaprSyncSettings.isIntegrationUser()", handlerSource, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Source, "classes", trigger + "HandlerTest.cls")));
    }

    [Fact]
    public void AccountTrigger_IgnoresIntegrationFields()
    {
        var handlerSource = File.ReadAllText(Path.Combine(Source, "classes", "AccountSyncTriggerHandler.cls"));

        foreach (var field in new[] { "netsuite_id__c", "sync_status__c", "sync_error__c" })
        {
            Assert.Contains($"'{field}'", handlerSource, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ApexSources_HaveMetaFiles()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Source, "classes"), "*.cls")
            .Concat(Directory.EnumerateFiles(Path.Combine(Source, "triggers"), "*.trigger"))
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source => Assert.True(File.Exists(source + "-meta.xml"), $"{source} has no -meta.xml."));
    }

    [Fact]
    public void SettingsRecord_NamesEveryField()
    {
        var record = Load(Path.Combine(Source, "customMetadata", "DaprSync_Setting.Default.md-meta.xml"));
        var fields = record.Elements(Metadata + "values").Select(value => value.Element(Metadata + "field")?.Value);
        var defined = Directory.EnumerateFiles(Path.Combine(Source, "objects", "DaprSync_Setting__mdt", "fields"))
            .Select(path => Path.GetFileName(path).Replace(".field-meta.xml", "", StringComparison.Ordinal));

        Assert.Equal(defined.Order(StringComparer.Ordinal), fields.Order(StringComparer.Ordinal));
    }
}
