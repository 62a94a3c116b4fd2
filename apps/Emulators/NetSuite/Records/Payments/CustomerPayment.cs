using System.Collections.Frozen;

namespace DaprSync.NetSuiteEmulator.Records.Payments;

/// <summary>One line of a payment's <c>apply</c> sublist: the invoice internal id and the amount applied.</summary>
public sealed record PaymentApplication(string DocId, decimal Amount);

/// <summary>A stored customer payment; <see cref="Payment"/> is the amount received.</summary>
public sealed record CustomerPayment(
    string Id,
    string? ExternalId,
    string CustomerId,
    decimal Payment,
    string ArAccountId,
    string AccountId,
    DateOnly TranDate,
    string? Memo,
    IReadOnlyList<PaymentApplication> Applications,
    DateTimeOffset LastModifiedDate);

/// <summary>
/// The seeded general ledger accounts that payments may reference: accounts receivable for <c>aracct</c>, and
/// bank or undeposited funds for <c>account</c>.
/// </summary>
public static class PaymentAccounts
{
    public static FrozenDictionary<string, string> Receivable { get; } = new Dictionary<string, string>
    {
        ["119"] = "11000 Accounts Receivable",
    }.ToFrozenDictionary();

    public static FrozenDictionary<string, string> Deposit { get; } = new Dictionary<string, string>
    {
        ["1"] = "10000 Checking",
        ["122"] = "12000 Undeposited Funds",
    }.ToFrozenDictionary();
}
