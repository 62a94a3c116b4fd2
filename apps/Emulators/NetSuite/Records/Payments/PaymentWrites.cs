using System.Text.Json;
using DaprSync.NetSuiteEmulator.Errors;
using DaprSync.NetSuiteEmulator.Records.Transactions;

namespace DaprSync.NetSuiteEmulator.Records.Payments;

/// <summary>The stored payment, or the validation error NetSuite would return.</summary>
internal sealed record PaymentWriteOutcome(CustomerPayment? Payment, NetSuiteErrorDetail? Error);

/// <summary>
/// Upserts customer payments and applies them to invoices: each applied amount lowers the invoice's amount
/// remaining, which moves its <c>lastmodifieddate</c>. Updating a payment first takes back what it applied before,
/// so a repeated upsert with the same body changes no invoice.
/// </summary>
internal sealed class PaymentWrites(PaymentBook book, TransactionLedger ledger, NetSuiteRecords records)
{
    /// <summary>Accounts used when a body names none: accounts receivable and undeposited funds, as NetSuite
    /// defaults them.</summary>
    private const string DefaultArAccountId = "119";
    private const string DefaultDepositAccountId = "122";

    public PaymentWriteOutcome Upsert(string externalId, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return Failed(RecordErrors.InvalidBody());
        }

        var reader = new PayloadReader();
        var payload = PaymentPayload.Read(body, reader);
        if (reader.Error is not null)
        {
            return Failed(reader.Error);
        }

        if (payload.ExternalId is not null
            && !string.Equals(payload.ExternalId, externalId, StringComparison.OrdinalIgnoreCase))
        {
            return Failed(RecordErrors.ConflictingExternalId("externalId"));
        }

        return book.Write(() => ledger.Write(() => Apply(externalId, payload, book.FindByExternalId(externalId))));
    }

    private PaymentWriteOutcome Apply(string externalId, PaymentPayload payload, CustomerPayment? existing)
    {
        var customerId = payload.CustomerId ?? existing?.CustomerId;
        if (customerId is null)
        {
            return Failed(RecordErrors.MissingValue("customer", "Customer"));
        }

        if (records.FindCustomer(customerId) is null)
        {
            return Failed(RecordErrors.InvalidReference("customer", "customer", customerId));
        }

        var amount = payload.Payment ?? existing?.Payment;
        if (amount is null)
        {
            return Failed(RecordErrors.MissingValue("payment", "Payment Amount"));
        }

        if (amount <= 0)
        {
            return Failed(RecordErrors.InvalidFieldValue("payment", "payment", amount.Value.ToString(
                System.Globalization.CultureInfo.InvariantCulture)));
        }

        var arAccount = payload.ArAccountId ?? existing?.ArAccountId ?? DefaultArAccountId;
        if (!PaymentAccounts.Receivable.ContainsKey(arAccount))
        {
            return Failed(RecordErrors.InvalidReference("aracct", "aracct", arAccount));
        }

        var account = payload.AccountId ?? existing?.AccountId ?? DefaultDepositAccountId;
        if (!PaymentAccounts.Deposit.ContainsKey(account))
        {
            return Failed(RecordErrors.InvalidReference("account", "account", account));
        }

        var previous = existing?.Applications ?? [];
        var applications = Merge(previous, payload.Applications);
        var error = CheckApplications(applications, previous, customerId, amount.Value);
        if (error is not null)
        {
            return Failed(error);
        }

        PostToInvoices(previous, applications);
        var payment = book.Store(new CustomerPayment(
            existing?.Id ?? "",
            existing?.ExternalId ?? externalId,
            customerId,
            amount.Value,
            arAccount,
            account,
            payload.TranDate ?? existing?.TranDate ?? DateOnly.FromDateTime(ledger.Now().UtcDateTime),
            payload.Memo ?? existing?.Memo,
            applications,
            ledger.Now()));
        return new PaymentWriteOutcome(payment, null);
    }

    /// <summary>Replaces the lines of the invoices the body names and keeps the other lines, as a sublist update
    /// without <c>replace</c> does.</summary>
    private static List<PaymentApplication> Merge(
        IReadOnlyList<PaymentApplication> previous,
        IReadOnlyList<PaymentApplication> sent)
    {
        var named = sent.Select(a => a.DocId).ToHashSet(StringComparer.Ordinal);
        return [.. previous.Where(a => !named.Contains(a.DocId)), .. sent];
    }

    private NetSuiteErrorDetail? CheckApplications(
        List<PaymentApplication> applications,
        IReadOnlyList<PaymentApplication> previous,
        string customerId,
        decimal payment)
    {
        for (var i = 0; i < applications.Count; i++)
        {
            var line = applications[i];
            var path = $"apply.items[{i}].doc";
            var invoice = ledger.Find(line.DocId);
            if (invoice is null || invoice.Type != TransactionTypes.Invoice || invoice.EntityId != customerId)
            {
                return RecordErrors.InvalidReference(path, "doc", line.DocId);
            }

            var available = invoice.ForeignAmountRemaining
                + previous.Where(p => p.DocId == line.DocId).Sum(p => p.Amount);
            if (line.Amount <= 0 || line.Amount > available)
            {
                return new NetSuiteErrorDetail(
                    $"Error while accessing a resource. The amount {line.Amount} applied to invoice {invoice.TranId} "
                    + $"must be greater than 0 and at most its amount remaining, {available}.",
                    "USER_ERROR",
                    $"apply.items[{i}].amount");
            }
        }

        var total = applications.Sum(a => a.Amount);
        return total > payment
            ? new NetSuiteErrorDetail(
                $"Error while accessing a resource. The total applied, {total}, exceeds the payment amount {payment}.",
                "USER_ERROR",
                "payment")
            : null;
    }

    private void PostToInvoices(IReadOnlyList<PaymentApplication> previous, List<PaymentApplication> applications)
    {
        var docs = previous.Select(a => a.DocId).Concat(applications.Select(a => a.DocId)).Distinct();
        foreach (var doc in docs)
        {
            var change = applications.Where(a => a.DocId == doc).Sum(a => a.Amount)
                - previous.Where(a => a.DocId == doc).Sum(a => a.Amount);
            if (change == 0)
            {
                continue;
            }

            ledger.Modify(doc, invoice =>
            {
                var remaining = invoice.ForeignAmountRemaining - change;
                return invoice with { ForeignAmountRemaining = remaining, Status = remaining == 0 ? "B" : "A" };
            });
        }
    }

    private static PaymentWriteOutcome Failed(NetSuiteErrorDetail error) => new(null, error);
}
