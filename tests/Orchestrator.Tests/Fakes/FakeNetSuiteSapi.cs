using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using DaprSync.Contracts.NetSuite;

namespace DaprSync.Orchestrator.Tests.Fakes;

/// <summary>
/// In-memory fake of the project's own <see cref="INetSuiteSapi"/> contract. It follows the System
/// API's rule: update by internal id when set, else upsert by external id, so a repeated upsert of the
/// same Account finds the Customer it created.
/// </summary>
internal sealed partial class FakeNetSuiteSapi : INetSuiteSapi
{
    private readonly Lock customersLock = new();
    private readonly Dictionary<string, CustomerUpsertRequest> customers = [];
    private int nextInternalId = 1000;

    public ConcurrentQueue<CustomerUpsertRequest> Upserts { get; } = new();

    /// <summary>Failures raised by the next upserts, one per call, before anything is stored.</summary>
    public ConcurrentQueue<Exception> Failures { get; } = new();

    public int CustomerCount
    {
        get
        {
            lock (customersLock)
            {
                return customers.Count;
            }
        }
    }

    /// <summary>Adds a Customer that exists before the test, returning its internal id.</summary>
    public string Seed(string externalId)
    {
        lock (customersLock)
        {
            var internalId = NextId();
            customers[internalId] = new CustomerUpsertRequest(
                externalId, internalId, "Seeded", null, "1", null, null, null, null, null, null, null, []);
            return internalId;
        }
    }

    public Task<CustomerUpsertResult> UpsertCustomerAsync(
        CustomerUpsertRequest request,
        CancellationToken cancellationToken = default)
    {
        Upserts.Enqueue(request);
        if (Failures.TryDequeue(out var failure))
        {
            throw failure;
        }

        lock (customersLock)
        {
            string? internalId = request.InternalId
                ?? customers.Where(pair => pair.Value.ExternalId == request.ExternalId)
                    .Select(pair => pair.Key)
                    .FirstOrDefault();
            var created = internalId is null;
            internalId ??= NextId();
            customers[internalId] = request with { InternalId = internalId };
            return Task.FromResult(new CustomerUpsertResult(internalId, created));
        }
    }

    /// <summary>The 422 ProblemDetails failure that the System API returns for a record NetSuite rejected.</summary>
    public static async Task<Exception> RejectionAsync(string errorCode, string field, string detail) =>
        await ApiExceptions.CreateAsync(
            HttpStatusCode.UnprocessableEntity,
            ApiExceptions.Problem(422, "Record rejected by NetSuite", detail, errorCode, field));

    private string NextId() => (++nextInternalId).ToString(CultureInfo.InvariantCulture);

    // No customer-flow test sends a Sales Order; an order-flow test that needs one replaces this member.
    public Task<SalesOrderUpsertResult> UpsertSalesOrderAsync(
        SalesOrderUpsertRequest request,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("FakeNetSuiteSapi does not store Sales Orders.");
}
