namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>
/// A transaction as SuiteQL's <c>transaction</c> table shows it. <see cref="Type"/> is the internal type code
/// (<c>CustInvc</c>, <c>CustCred</c>, <c>CustRfnd</c>, <c>ItemShip</c>), <see cref="Status"/> the one-letter status
/// code and <see cref="ForeignTotal"/> the total in the transaction's currency.
/// </summary>
public sealed record NetSuiteTransaction(
    string Id,
    string Type,
    string TranId,
    string? EntityId,
    string? CreatedFrom,
    DateOnly TranDate,
    DateOnly? DueDate,
    string Status,
    decimal ForeignTotal,
    decimal ForeignAmountRemaining,
    string CurrencyId,
    DateTimeOffset LastModifiedDate,
    string? Memo = null,
    string? ExternalId = null);

/// <summary>A row of SuiteQL's <c>deletedrecord</c> table: a deleted record's type and internal id.</summary>
public sealed record DeletedRecord(string RecordId, string RecordType, string? Name, DateTimeOffset DeletedDate);

/// <summary>Transaction type codes and the statuses the emulator uses, with their <c>BUILTIN.DF</c>
/// text.</summary>
public static class TransactionTypes
{
    public const string Invoice = "CustInvc";
    public const string CreditMemo = "CustCred";
    public const string CustomerRefund = "CustRfnd";
    public const string ItemFulfillment = "ItemShip";

    /// <summary>Status code to display text per type, as <c>BUILTIN.DF(status)</c> shows it.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Statuses =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Invoice] = new Dictionary<string, string> { ["A"] = "Invoice : Open", ["B"] = "Invoice : Paid In Full" },
            [CreditMemo] = new Dictionary<string, string>
            {
                ["A"] = "Credit Memo : Open",
                ["B"] = "Credit Memo : Fully Applied",
            },
            [CustomerRefund] = new Dictionary<string, string> { ["A"] = "Customer Refund : Refunded" },
            [ItemFulfillment] = new Dictionary<string, string>
            {
                ["A"] = "Item Fulfillment : Picked",
                ["B"] = "Item Fulfillment : Packed",
                ["C"] = "Item Fulfillment : Shipped",
            },
        };

    /// <summary>The record type name that <c>deletedrecord.recordtype</c> stores for a transaction type code.</summary>
    public static string RecordTypeName(string type) => type switch
    {
        Invoice => "invoice",
        CreditMemo => "creditmemo",
        CustomerRefund => "customerrefund",
        ItemFulfillment => "itemfulfillment",
        _ => type.ToLowerInvariant(),
    };
}
