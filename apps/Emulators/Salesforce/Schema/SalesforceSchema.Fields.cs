namespace DaprSync.SalesforceEmulator.Schema;

// Field lists of each sObject. Lengths are those of the standard fields in a Salesforce org.
public static partial class SalesforceSchema
{
    private static IEnumerable<SObjectField> AccountFields() =>
    [
        Text("Name", "Account Name", 255, required: true),
        Text("AccountNumber", "Account Number", 40),
        new SObjectField("Phone", FieldType.Phone, "Account Phone", Length: 40),
        new SObjectField("Fax", FieldType.Phone, "Account Fax", Length: 40),
        new SObjectField("Website", FieldType.Url, "Website", Length: 255),
        Reference("ParentId", "Parent Account ID", "Account"),
        Picklist("Type", "Account Type"),
        Picklist("Industry", "Industry"),
        TextArea("Description", "Account Description", 32000),
        .. Address("Billing", "Billing"),
        .. Address("Shipping", "Shipping"),
        ExternalId("NetSuite_Id__c", "NetSuite Id", unique: true),
        .. SyncFields(),
        Picklist("Payment_Terms__c", "Payment Terms"),
        Typed("Credit_Limit__c", FieldType.Currency, "Credit Limit"),
        Text("Tax_Id__c", "Tax Id", 50),
        Text("DUNS_Number__c", "DUNS Number", 20),
        Picklist("Shipping_Carrier__c", "Shipping Carrier"),
    ];

    private static IEnumerable<SObjectField> OrderFields() =>
    [
        Reference("AccountId", "Account ID", "Account", required: true),
        Reference("Pricebook2Id", "Price Book ID", "Pricebook2"),
        Typed("EffectiveDate", FieldType.Date, "Order Start Date", required: true),
        new SObjectField(
            "Status",
            FieldType.Picklist,
            "Status",
            Length: 40,
            Required: true,
            RestrictedValues: ["Draft", "Activated"]),
        Text("Name", "Order Name", 80),
        Text("PoNumber", "PO Number", 80),
        TextArea("Description", "Description", 32000),
        .. Address("Shipping", "Shipping"),
        ExternalId("NetSuite_Order_Id__c", "NetSuite Order Id", unique: false),
        Text("NetSuite_Order_Number__c", "NetSuite Order Number", 50),
        Picklist("Shipping_Carrier__c", "Shipping Carrier"),
        .. SyncFields(),
        new SObjectField(
            "Fulfilment_Status__c",
            FieldType.Picklist,
            "Fulfilment Status",
            Length: 255,
            RestrictedValues: ["Picked", "Packed", "Shipped", "Deleted"]),
        Typed("Ship_Date__c", FieldType.Date, "Ship Date"),
        TextArea("Tracking_Numbers__c", "Tracking Numbers", 32768),
        Text("NetSuite_Fulfilment_Id__c", "NetSuite Fulfilment Id", 50),
    ];

    private static IEnumerable<SObjectField> OrderItemFields() =>
    [
        Reference("OrderId", "Order ID", "Order", required: true),
        Reference("PricebookEntryId", "Price Book Entry ID", "PricebookEntry", required: true),
        Reference("Product2Id", "Product ID", "Product2"),
        Reference("QuoteLineItemId", "Quote Line Item ID", "QuoteLineItem"),
        Typed("Quantity", FieldType.Number, "Quantity", required: true),
        Typed("UnitPrice", FieldType.Currency, "Unit Price", required: true),
        Text("Description", "Line Description", 255),
        Typed("Discount__c", FieldType.Percent, "Discount"),
        Typed("Expected_Ship_Date__c", FieldType.Date, "Expected Ship Date"),
        Text("Sequence_Name__c", "Sequence Name", 80),
    ];

    private static IEnumerable<SObjectField> Product2Fields() =>
    [
        Text("Name", "Product Name", 255, required: true),
        Text("ProductCode", "Product Code", 255),
        TextArea("Description", "Product Description", 4000),
        Picklist("Family", "Product Family"),
        Typed("IsActive", FieldType.Boolean, "Active"),
    ];

    private static IEnumerable<SObjectField> Pricebook2Fields() =>
    [
        Text("Name", "Price Book Name", 255, required: true),
        TextArea("Description", "Description", 255),
        Typed("IsActive", FieldType.Boolean, "Active"),
        new SObjectField("IsStandard", FieldType.Boolean, "Is Standard Price Book", ReadOnly: true),
    ];

    private static IEnumerable<SObjectField> PricebookEntryFields() =>
    [
        Reference("Pricebook2Id", "Price Book ID", "Pricebook2", required: true),
        Reference("Product2Id", "Product ID", "Product2", required: true),
        Typed("UnitPrice", FieldType.Currency, "List Price", required: true),
        Typed("IsActive", FieldType.Boolean, "Active"),
        Typed("UseStandardPrice", FieldType.Boolean, "Use Standard Price"),
    ];

    private static IEnumerable<SObjectField> InvoiceFields() =>
    [
        Text("Name", "Invoice Name", 80),
        ExternalId("NetSuite_Id__c", "NetSuite Id", unique: true),
        Text("Invoice_Number__c", "Invoice Number", 50),
        Reference("Account__c", "Account", "Account"),
        Reference("Order__c", "Order", "Order"),
        Typed("Invoice_Date__c", FieldType.Date, "Invoice Date"),
        Typed("Due_Date__c", FieldType.Date, "Due Date"),
        Picklist("Status__c", "Status"),
        Typed("Total__c", FieldType.Currency, "Total"),
        Typed("Amount_Remaining__c", FieldType.Currency, "Amount Remaining"),
        Text("Currency__c", "Currency", 3),
    ];

    private static IEnumerable<SObjectField> RefundFields() =>
    [
        Text("Name", "Refund Name", 80),
        ExternalId("NetSuite_Id__c", "NetSuite Id", unique: true),
        Text("Refund_Number__c", "Refund Number", 50),
        Reference("Account__c", "Account", "Account"),
        Typed("Refund_Date__c", FieldType.Date, "Refund Date"),
        Typed("Amount__c", FieldType.Currency, "Amount"),
        Picklist("Status__c", "Status"),
        TextArea("Memo__c", "Memo", 1000),
    ];

    private static IEnumerable<SObjectField> PaymentFields() =>
    [
        Text("Name", "Payment Name", 80),
        Typed("Amount__c", FieldType.Currency, "Amount"),
        Typed("Payment_Date__c", FieldType.Date, "Payment Date"),
        Reference("Invoice__c", "Invoice", "Invoice__c"),
        Text("NetSuite_Payment_Id__c", "NetSuite Payment Id", 50),
        .. SyncFields(),
    ];
}
