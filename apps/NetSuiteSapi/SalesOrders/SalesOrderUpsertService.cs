using DaprSync.Contracts.Geography;
using DaprSync.Contracts.NetSuite;
using DaprSync.NetSuiteSapi.Items;
using DaprSync.NetSuiteSapi.Soap;
using DaprSync.NetSuiteSapi.Soap.Contracts;

namespace DaprSync.NetSuiteSapi.SalesOrders;

/// <summary>
/// Writes a Sales Order over SOAP, keyed by external id, or by internal id when the request names one. It reads the
/// order first: a missing order is created by <c>upsert</c> (so a concurrent duplicate still yields one order), an
/// existing one is updated with its lines matched by the OrderItem id column. A created order is read back for its
/// <c>tranId</c>. An internal id that names no Sales Order is rejected, because the order it named was deleted in
/// NetSuite and creating a new one is a decision for the caller.
/// </summary>
public sealed class SalesOrderUpsertService(
    NetSuiteSoapClient soap,
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
        var byInternalId = !string.IsNullOrWhiteSpace(request.InternalId);
        var reference = byInternalId
            ? new RecordRef { InternalId = request.InternalId, Type = "salesOrder" }
            : new RecordRef { ExternalId = request.ExternalId, Type = "salesOrder" };
        var read = await soap.GetAsync(reference, cancellationToken);
        var existing = read.Status?.IsSuccess == true ? read.Record as SalesOrder : null;
        var missing = read.Status?.Details.Any(detail => detail.Code == "RCRD_DSNT_EXIST") == true;
        if (existing is null && missing && byInternalId)
        {
            return Reject(request, new("RCRD_DSNT_EXIST", nameof(request.InternalId),
                $"No Sales Order has the internal id {request.InternalId}: clear it to create a new Sales Order."));
        }

        if (existing is null && !missing)
        {
            return Reject(request, StatusErrors.ToRejection(read.Status));
        }

        var order = mapper.Map(request, country, itemIds, existing);
        var write = existing is null
            ? await soap.UpsertAsync(order, cancellationToken)
            : await soap.UpdateAsync(order, cancellationToken);
        if (write.Status?.IsSuccess != true)
        {
            return Reject(request, StatusErrors.ToRejection(write.Status));
        }

        var internalId = (write.BaseRef as RecordRef)?.InternalId ?? existing?.InternalId;
        var tranId = existing?.TranId;
        if (tranId is null && internalId is not null)
        {
            var created = await soap.GetAsync(
                new RecordRef { InternalId = internalId, Type = "salesOrder" }, cancellationToken);
            tranId = (created.Record as SalesOrder)?.TranId;
        }

        if (internalId is null || tranId is null)
        {
            return new SalesOrderUpsertOutcome.Transient(
                "NetSuite wrote the Sales Order but returned no internal id or tranId; retry to read it back");
        }

        SalesOrderLog.Upserted(logger, request.ExternalId, internalId, tranId, existing is null);
        return new SalesOrderUpsertOutcome.Succeeded(new SalesOrderUpsertResult(internalId, tranId, existing is null));
    }

    private SalesOrderUpsertOutcome.Rejected Reject(
        SalesOrderUpsertRequest request,
        SalesOrderUpsertOutcome.Rejected rejection)
    {
        SalesOrderLog.Rejected(logger, request.ExternalId, rejection.ErrorCode, rejection.Field, rejection.Detail);
        return rejection;
    }
}
