namespace DaprSync.NetSuiteEmulator.Records.Transactions;

/// <summary>
/// Emulator-only operations that stand in for the accounting work done inside NetSuite: billing orders into
/// invoices, changing invoices, issuing credit memos and refunds, and deleting transactions.
/// </summary>
public sealed class BillingSimulation(TransactionLedger ledger)
{
    /// <summary>
    /// Creates <paramref name="count"/> open invoices for one customer, each for <paramref name="amount"/>, due
    /// 30 days after today. <paramref name="salesOrderId"/> becomes <c>createdfrom</c> when set.
    /// </summary>
    public IReadOnlyList<NetSuiteTransaction> BillInvoices(
        int count,
        string customerId,
        decimal amount,
        string currencyId = "1",
        string? salesOrderId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var today = DateOnly.FromDateTime(ledger.Now().UtcDateTime);

        var invoices = new List<NetSuiteTransaction>(count);
        for (var i = 0; i < count; i++)
        {
            invoices.Add(ledger.Add(new NetSuiteTransaction(
                "", TransactionTypes.Invoice, "", customerId, salesOrderId, today, today.AddDays(30), "A",
                amount, amount, currencyId, default)));
        }

        return invoices;
    }

    /// <summary>Changes the memo of each invoice, which moves its <c>lastmodifieddate</c> to now.</summary>
    public int ModifyTransactions(IEnumerable<string> ids, string memo)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count(id => ledger.Modify(id, t => t with { Memo = memo }) is not null);
    }

    /// <summary>
    /// Voids an invoice or credit memo: its status becomes Voided and its amounts zero. As in NetSuite, a
    /// transaction that has been applied to (a paid invoice, a refunded credit memo) cannot be voided.
    /// </summary>
    public BillingOutcome Void(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return ledger.Write(() =>
        {
            var current = ledger.Find(id);
            if (current is null)
            {
                return BillingOutcome.NotFound($"No transaction has the internal id {id}.");
            }

            if (current.Type is not (TransactionTypes.Invoice or TransactionTypes.CreditMemo))
            {
                return BillingOutcome.Conflict(
                    $"Transaction {current.TranId} is a {current.Type}: the emulator voids only invoices and credit memos.");
            }

            if (current.Status == TransactionTypes.Voided)
            {
                return BillingOutcome.Conflict($"Transaction {current.TranId} is already voided.");
            }

            if (current.ForeignAmountRemaining != current.ForeignTotal)
            {
                return BillingOutcome.Conflict(
                    $"Transaction {current.TranId} has been applied to, so it cannot be voided: remove the payment or "
                    + "refund first.");
            }

            return BillingOutcome.Written(ledger.Modify(id, t => t with
            {
                Status = TransactionTypes.Voided,
                ForeignTotal = 0m,
                ForeignAmountRemaining = 0m,
                Lines = [.. t.Lines.Select(line => line with { Amount = 0m })],
            })!);
        });
    }

    /// <summary>Issues a credit memo and, for a cash refund, the customer refund that pays it out.</summary>
    public IReadOnlyList<NetSuiteTransaction> IssueRefund(
        string customerId,
        decimal amount,
        string? memo,
        bool cashRefund,
        string currencyId = "1")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var today = DateOnly.FromDateTime(ledger.Now().UtcDateTime);
        var credit = ledger.Add(new NetSuiteTransaction(
            "", TransactionTypes.CreditMemo, "", customerId, null, today, null, cashRefund ? "B" : "A",
            amount, cashRefund ? 0m : amount, currencyId, default, memo));
        if (!cashRefund)
        {
            return [credit];
        }

        var refund = ledger.Add(new NetSuiteTransaction(
            "", TransactionTypes.CustomerRefund, "", customerId, credit.Id, today, null, "A",
            amount, 0m, currencyId, default, memo));
        return [credit, refund];
    }
}
