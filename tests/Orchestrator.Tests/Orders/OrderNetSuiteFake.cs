using System.Collections.Concurrent;
using System.Globalization;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.Orchestrator.Tests.Orders;

/// <summary>
/// In-memory fake of the project's own <see cref="INetSuiteSapi"/> contract for the order and payment flows.
/// Like the System API it updates by internal id when one is set and otherwise upserts by external id, so a
/// repeated upsert finds the record it created.
/// </summary>
internal sealed class OrderNetSuiteFake : INetSuiteSapi
{
    private readonly Lock storeLock = new();
    private readonly Dictionary<string, CustomerUpsertRequest> customers = [];
    private readonly Dictionary<string, SalesOrderUpsertRequest> salesOrders = [];
    private readonly Dictionary<string, PaymentUpsertRequest> payments = [];
    private int nextInternalId = 5000;

    public ConcurrentQueue<SalesOrderUpsertRequest> SalesOrderUpserts { get; } = new();

    public ConcurrentQueue<PaymentUpsertRequest> PaymentUpserts { get; } = new();

    /// <summary>Failures raised by the next Sales Order upserts, one per call, before anything is stored.</summary>
    public ConcurrentQueue<Exception> SalesOrderFailures { get; } = new();

    /// <summary>Failures raised by the next payment upserts, one per call, before anything is stored.</summary>
    public ConcurrentQueue<Exception> PaymentFailures { get; } = new();

    public int SalesOrderCount => Count(salesOrders);

    public int PaymentCount => Count(payments);

    public int CustomerCount => Count(customers);

    public Task<CustomerUpsertResult> UpsertCustomerAsync(CustomerUpsertRequest request, CancellationToken cancellationToken = default)
    {
        var (internalId, created) = Upsert(customers, request.InternalId, request.ExternalId, id => request with { InternalId = id });
        return Task.FromResult(new CustomerUpsertResult(internalId, created));
    }

    public Task<SalesOrderUpsertResult> UpsertSalesOrderAsync(
        SalesOrderUpsertRequest request, CancellationToken cancellationToken = default)
    {
        SalesOrderUpserts.Enqueue(request);
        if (SalesOrderFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        var (internalId, created) = Upsert(salesOrders, request.InternalId, request.ExternalId, id => request with { InternalId = id });
        return Task.FromResult(new SalesOrderUpsertResult(internalId, $"SO{internalId}", created));
    }

    public Task<PaymentUpsertResult> UpsertPaymentAsync(PaymentUpsertRequest request, CancellationToken cancellationToken = default)
    {
        PaymentUpserts.Enqueue(request);
        if (PaymentFailures.TryDequeue(out var failure))
        {
            throw failure;
        }

        var (internalId, _) = Upsert(payments, null, request.ExternalId, _ => request);
        return Task.FromResult(new PaymentUpsertResult(internalId));
    }

    public Task<InvoicePage> ListInvoicesAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not read invoices.");

    public Task<RefundPage> ListRefundsAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not read refunds.");

    public Task<FulfilmentPage> ListFulfilmentsAsync(
        DateTimeOffset modifiedSince, DateTimeOffset? until = null, int? pageSize = null, string? cursor = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not read fulfilments.");

    public Task<DeletedTransactionPage> ListDeletedTransactionsAsync(
        string types, DateTimeOffset deletedSince, DateTimeOffset? until = null, int? pageSize = null,
        string? cursor = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The order flow does not read deleted transactions.");

    private (string InternalId, bool Created) Upsert<T>(
        Dictionary<string, T> store, string? internalId, string externalId, Func<string, T> withId)
        where T : class
    {
        lock (storeLock)
        {
            internalId ??= store.Where(pair => ExternalIdOf(pair.Value) == externalId).Select(pair => pair.Key).FirstOrDefault();
            var created = internalId is null;
            internalId ??= (++nextInternalId).ToString(CultureInfo.InvariantCulture);
            store[internalId] = withId(internalId);
            return (internalId, created);
        }
    }

    private static string ExternalIdOf(object record) => record switch
    {
        CustomerUpsertRequest customer => customer.ExternalId,
        SalesOrderUpsertRequest order => order.ExternalId,
        PaymentUpsertRequest payment => payment.ExternalId,
        _ => throw new ArgumentException("Unknown record type.", nameof(record)),
    };

    private int Count<T>(Dictionary<string, T> store)
    {
        lock (storeLock)
        {
            return store.Count;
        }
    }
}
