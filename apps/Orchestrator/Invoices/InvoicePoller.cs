using DaprSync.Contracts.NetSuite;
using DaprSync.Contracts.Salesforce;
using DaprSync.Orchestrator.CustomerSync;
using DaprSync.Orchestrator.Polling;

namespace DaprSync.Orchestrator.Invoices;

/// <summary>NetSuite invoices modified in a window, read through the NetSuite System API.</summary>
public sealed class InvoiceSource(INetSuiteSapi netSuite) : IPollerSource<NetSuiteInvoice>
{
    public async Task<PollerPage<NetSuiteInvoice>> ReadAsync(
        DateTimeOffset since, DateTimeOffset until, int pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await Transient.RunAsync(
            "Reading NetSuite invoices",
            () => netSuite.ListInvoicesAsync(since, until, pageSize, cursor, cancellationToken),
            cancellationToken);
        return new PollerPage<NetSuiteInvoice>(page.Items, page.HasMore, page.Cursor);
    }

    public PolledKey KeyOf(NetSuiteInvoice record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new PolledKey(record.InternalId, record.LastModifiedDate);
    }
}

/// <summary>Upserts invoices into <c>Invoice__c</c> by <c>NetSuite_Id__c</c> through the Salesforce System API.</summary>
public sealed class InvoiceSink(ISalesforceSapi salesforce) : IPollerSink<NetSuiteInvoice>
{
    public async Task<IReadOnlyList<SinkOutcome>> UpsertAsync(
        IReadOnlyList<NetSuiteInvoice> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var upserts = batch.Select(invoice => new InvoiceUpsert(
            invoice.InternalId,
            invoice.TranId,
            invoice.CustomerId,
            invoice.SalesOrderId,
            invoice.TranDate,
            invoice.DueDate,
            invoice.Status,
            invoice.Total,
            invoice.AmountRemaining,
            invoice.Currency)).ToList();
        BatchUpsertResponse response;
        try
        {
            response = await Transient.RunAsync(
                $"Upserting {upserts.Count} invoices into Salesforce",
                () => salesforce.UpsertInvoicesAsync(upserts, cancellationToken),
                cancellationToken);
        }
        catch (TransientPollerException exception) when (exception.Permanent)
        {
            // The whole batch was rejected: every invoice in it is a failed record, and the run goes on.
            return batch.Select(invoice => new SinkOutcome(
                invoice.InternalId, false, "BATCH_REJECTED", exception.Message, $"Invoice {invoice.TranId}")).ToList();
        }

        // Results come back in request order; the index ties each one to its invoice.
        return batch.Select((invoice, index) =>
        {
            var result = response.Results.FirstOrDefault(r => r.Index == index);
            var error = result?.Errors.FirstOrDefault();
            return new SinkOutcome(
                invoice.InternalId,
                result?.Success == true,
                error?.StatusCode,
                error is null ? null : $"{error.Message} (fields: {string.Join(", ", error.Fields)})",
                $"Invoice {invoice.TranId}, customer {invoice.CustomerId}");
        }).ToList();
    }
}

/// <summary>Turns a System API's transient failure into the poller's, so the run retries and then keeps its watermark.</summary>
internal static class Transient
{
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await SystemApiCall.RunAsync(operation, call, cancellationToken);
        }
        catch (TransientSyncException exception)
        {
            throw new TransientPollerException(exception.Message, exception);
        }
        catch (Refit.ApiException exception)
        {
            var rejection = SystemApiFailure.ReadRejection(exception);
            throw new TransientPollerException(
                $"{operation} was rejected with HTTP {(int)exception.StatusCode} {rejection.ErrorCode}: {rejection.Detail}",
                exception,
                permanent: true);
        }
    }
}
