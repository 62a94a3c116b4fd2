namespace DaprSync.Contracts.Salesforce;

/// <summary>
/// An <c>Invoice__c</c> to create or update, keyed by <c>NetSuite_Id__c</c>. The Account and the Order are
/// found by their NetSuite ids (<c>Account.NetSuite_Id__c</c>, <c>Order.NetSuite_Order_Id__c</c>). A null id
/// leaves the lookup unchanged.
/// </summary>
public sealed record InvoiceUpsert(
    string NetSuiteId,
    string? InvoiceNumber,
    string? AccountNetSuiteId,
    string? OrderNetSuiteId,
    DateOnly? InvoiceDate,
    DateOnly? DueDate,
    string? Status,
    decimal? Total,
    decimal? AmountRemaining,
    string? Currency);

/// <summary>
/// A <c>Refund__c</c> to create or update, keyed by <c>NetSuite_Id__c</c>, with its Account found by the
/// Account's NetSuite id.
/// </summary>
public sealed record RefundUpsert(
    string NetSuiteId,
    string? RefundNumber,
    string? AccountNetSuiteId,
    DateOnly? RefundDate,
    decimal? Amount,
    string? Status,
    string? Memo);
