using DaprSync.Contracts.Geography;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Items;
using DaprSync.NetSuiteSapi.Soap;
using DaprSync.NetSuiteSapi.Soap.Contracts;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// Writes a Sales Order over SOAP. A request without an internal id is sent as an <c>upsert</c> by external id (so
/// a concurrent duplicate still yields one order) and the order is then read back for its <c>tranId</c> by the
/// <see cref="TranIdReader"/>, which reads concurrent new orders together in one <c>getList</c>.
/// A request with an internal id reads that order and updates it with its lines matched by the OrderItem id column.
/// An internal id that names no Sales Order is rejected, because the order it named was deleted in NetSuite and
/// creating a new one is a decision for the caller.
/// </summary>
public sealed class SalesOrderUpsertService(
    NetSuiteSoapClient soap,
    TranIdReader tranIds,
    IItemResolver items,
    SalesOrderMapper mapper,
    ILogger<SalesOrderUpsertService> logger)
{
    public async Task<SalesOrderUpsertOutcome> UpsertAsync(
        SalesOrderUpsertRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Country? country = null;
        if (request.ShippingAddress is { } address && !CountryTable.TryResolve(address.Country, out country))
        {
            return Reject(request, new("UNKNOWN_COUNTRY", "ShippingAddress.Country",
                $"Country '{address.Country}' is unknown: use an English name or an ISO 3166-1 code."));
        }

        var skus = request.Lines.Select(line => line.Sku).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var itemIds = new Dictionary<string, string>(
            await items.ResolveAsync(skus, cancellationToken), StringComparer.OrdinalIgnoreCase);
        var unknown = request.Lines.Select((line, index) => (line, index))
            .FirstOrDefault(pair => !itemIds.ContainsKey(pair.line.Sku));
        if (unknown.line is not null)
        {
            return Reject(request, new("UNKNOWN_SKU", $"Lines[{unknown.index}].Sku",
                $"No NetSuite item has the item id (SKU) '{unknown.line.Sku}'."));
        }

        try
        {
            return await WriteAsync(request, country, itemIds, cancellationToken);
        }
        catch (NetSuiteSoapFaultException exception) when (exception.Fault.IsInvalidCredentials)
        {
            SalesOrderLog.LoginFailed(logger, request.ExternalId, exception.Fault.Code);
            return new SalesOrderUpsertOutcome.LoginFailed(
                $"NetSuite rejected the token passport ({exception.Fault.Code}): check the NetSuite account and token "
                + "settings of ns-sapi.");
        }
        catch (Exception exception) when (exception is NetSuiteSoapFaultException or NetSuiteSoapTransportException)
        {
            SalesOrderLog.TransientFailure(logger, request.ExternalId, exception.Message, exception);
            return new SalesOrderUpsertOutcome.Transient(exception.Message);
        }
    }

    private async Task<SalesOrderUpsertOutcome> WriteAsync(
        SalesOrderUpsertRequest request,
        Country? country,
        IReadOnlyDictionary<string, string> itemIds,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.InternalId))
        {
            return await CreateAsync(request, country, itemIds, cancellationToken);
        }

        var reference = new RecordRef { InternalId = request.InternalId, Type = "salesOrder" };
        var read = await soap.GetAsync(reference, cancellationToken);
        if (read.Status?.IsSuccess == true && read.Record is SalesOrder existing)
        {
            return await UpdateAsync(request, country, itemIds, existing, cancellationToken);
        }

        if (read.Status?.Details.Any(detail => detail.Code == "RCRD_DSNT_EXIST") == true)
        {
            return Reject(request, new("RCRD_DSNT_EXIST", nameof(request.InternalId),
                $"No Sales Order has the internal id {request.InternalId}: clear it to create a new Sales Order."));
        }

        return Reject(request, StatusErrors.ToRejection(read.Status));
    }

    // An upsert by external id with the default replaceAll="true" replaces the item list of an order that already
    // has the external id (a repeat after a lost writeback) with the same lines, so the repeat leaves one order
    // with the request's lines. When NetSuite rejects that write, for example because a line to be replaced was
    // fulfilled, an existing order is updated with its lines matched by the OrderItem id column instead.
    private async Task<SalesOrderUpsertOutcome> CreateAsync(
        SalesOrderUpsertRequest request,
        Country? country,
        IReadOnlyDictionary<string, string> itemIds,
        CancellationToken cancellationToken)
    {
        using var create = tranIds.BeginCreate();
        var write = await soap.UpsertAsync(mapper.Map(request, country, itemIds, null), cancellationToken);
        if (write.Status?.IsSuccess != true)
        {
            create.Dispose();
            var read = await soap.GetAsync(
                new RecordRef { ExternalId = request.ExternalId, Type = "salesOrder" }, cancellationToken);
            return read.Status?.IsSuccess == true && read.Record is SalesOrder existing
                ? await UpdateAsync(request, country, itemIds, existing, cancellationToken)
                : Reject(request, StatusErrors.ToRejection(write.Status));
        }

        // The write response carries only the record reference, so the tranId that NetSuite assigns takes a read.
        // NOTE: a repeat that replaced the lines of an existing order is also reported as created, because the
        // upsert response does not say whether the record existed.
        var internalId = (write.BaseRef as RecordRef)?.InternalId;
        var tranId = internalId is null ? null : await create.ReadTranIdAsync(internalId, cancellationToken);

        return Succeed(request, internalId, tranId, created: true);
    }

    private async Task<SalesOrderUpsertOutcome> UpdateAsync(
        SalesOrderUpsertRequest request,
        Country? country,
        IReadOnlyDictionary<string, string> itemIds,
        SalesOrder existing,
        CancellationToken cancellationToken)
    {
        var write = await soap.UpdateAsync(mapper.Map(request, country, itemIds, existing), cancellationToken);
        if (write.Status?.IsSuccess != true)
        {
            return Reject(request, StatusErrors.ToRejection(write.Status));
        }

        var internalId = (write.BaseRef as RecordRef)?.InternalId ?? existing.InternalId;
        return Succeed(request, internalId, existing.TranId, created: false);
    }

    private SalesOrderUpsertOutcome Succeed(
        SalesOrderUpsertRequest request,
        string? internalId,
        string? tranId,
        bool created)
    {
        if (internalId is null || tranId is null)
        {
            return new SalesOrderUpsertOutcome.Transient(
                "NetSuite wrote the Sales Order but returned no internal id or tranId; retry to read it back");
        }

        SalesOrderLog.Upserted(logger, request.ExternalId, internalId, tranId, created);
        return new SalesOrderUpsertOutcome.Succeeded(new SalesOrderUpsertResult(internalId, tranId, created));
    }

    private SalesOrderUpsertOutcome.Rejected Reject(
        SalesOrderUpsertRequest request,
        SalesOrderUpsertOutcome.Rejected rejection)
    {
        SalesOrderLog.Rejected(logger, request.ExternalId, rejection.ErrorCode, rejection.Field, rejection.Detail);
        return rejection;
    }
}
