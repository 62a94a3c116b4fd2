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
    string? ExternalId = null)
{
    /// <summary>Item lines of an invoice or item fulfilment billed or shipped from a Sales Order.</summary>
    public IReadOnlyList<TransactionLine> Lines { get; init; } = [];

    /// <summary>Shipping item (ship method) of an item fulfilment, by internal id.</summary>
    public string? ShipMethodId { get; init; }

    /// <summary>Package tracking numbers of an item fulfilment.</summary>
    public IReadOnlyList<string> TrackingNumbers { get; init; } = [];

    public DateOnly? ShipDate { get; init; }
}

/// <summary>
/// An item line of a transaction created from a Sales Order. <see cref="OrderLine"/> is the order's line number,
/// so deleting the transaction can give the billed or fulfilled quantity back to that line.
/// </summary>
public sealed record TransactionLine(long Line, string ItemId, double Quantity, decimal Rate, decimal Amount,
    long? OrderLine);

/// <summary>
/// A row of SuiteQL's <c>DeletedRecord</c> table. <see cref="Type"/> is the deleted record's type id in lower case,
/// for example <c>invoice</c>, and <see cref="Name"/> its document number.
/// </summary>
public sealed record DeletedRecord(string RecordId, string Type, string? Name, DateTimeOffset DeletedDate);

/// <summary>Transaction type codes and the statuses the emulator uses, with their <c>BUILTIN.DF</c>
/// text.</summary>
public static class TransactionTypes
{
    public const string Invoice = "CustInvc";
    public const string CreditMemo = "CustCred";
    public const string CustomerRefund = "CustRfnd";
    public const string ItemFulfillment = "ItemShip";

    /// <summary>Status code of a voided invoice or credit memo.</summary>
    public const string Voided = "V";

    /// <summary>Status code of an item fulfilment that has shipped.</summary>
    public const string Shipped = "C";

    /// <summary>Status code to display text per type, as <c>BUILTIN.DF(status)</c> shows it.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Statuses =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            [Invoice] = new Dictionary<string, string>
            {
                ["A"] = "Invoice : Open",
                ["B"] = "Invoice : Paid In Full",
                [Voided] = "Invoice : Voided",
            },
            [CreditMemo] = new Dictionary<string, string>
            {
                ["A"] = "Credit Memo : Open",
                ["B"] = "Credit Memo : Fully Applied",
                [Voided] = "Credit Memo : Voided",
            },
            [CustomerRefund] = new Dictionary<string, string> { ["A"] = "Customer Refund : Refunded" },
            [ItemFulfillment] = new Dictionary<string, string>
            {
                ["A"] = "Item Fulfillment : Picked",
                ["B"] = "Item Fulfillment : Packed",
                ["C"] = "Item Fulfillment : Shipped",
            },
        };

    /// <summary>The record type id that <c>DeletedRecord.type</c> stores for a transaction type code.</summary>
    /// <remarks>NOTE: these lower-case record type ids follow published SuiteQL examples; they were not checked
    /// against a live account.</remarks>
    public static string RecordTypeName(string type) => type switch
    {
        Invoice => "invoice",
        CreditMemo => "creditmemo",
        CustomerRefund => "customerrefund",
        ItemFulfillment => "itemfulfillment",
        _ => type.ToLowerInvariant(),
    };
}
